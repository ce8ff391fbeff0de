// Customers through the official SDK against the simulator: pagination, filters,
// metadata rules, errors and auth, as the SDK sees them.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { sdkFor, startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  for (let i = 0; i < 105; i += 1) {
    await stripe.customers.create({ name: `Customer ${i}`, email: `c${i}@example.com`, metadata: { n: String(i) } });
  }
});
afterAll(() => sim.close());

describe('customer lists', () => {
  it('auto-pages over more than 100 customers, newest first, each exactly once', async () => {
    const all = await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    expect(all).toHaveLength(105);
    expect(new Set(all.map((c) => c.id)).size).toBe(105);
    expect(all[0]?.name).toBe('Customer 104');
    expect(all.at(-1)?.name).toBe('Customer 0');
  });

  it('pages with exact has_more and starting_after', async () => {
    const first = await stripe.customers.list({ limit: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.has_more).toBe(true);
    expect(first.url).toBe('/v1/customers');
    const second = await stripe.customers.list({ limit: 100, starting_after: first.data.at(-1)!.id });
    expect(second.data.map((c) => c.name)).toEqual(['Customer 4', 'Customer 3', 'Customer 2', 'Customer 1', 'Customer 0']);
    expect(second.has_more).toBe(false);
  });

  it('walks backwards with ending_before, yielding oldest first', async () => {
    const oldest = (
      await stripe.customers.list({ limit: 100, starting_after: (await stripe.customers.list({ limit: 100 })).data.at(-1)!.id })
    ).data.at(-1)!;
    const page = await stripe.customers.list({ ending_before: oldest.id, limit: 3 });
    expect(page.data.map((c) => c.name)).toEqual(['Customer 3', 'Customer 2', 'Customer 1']);
    expect(page.has_more).toBe(true);
    const walked = await stripe.customers.list({ ending_before: oldest.id, limit: 10 }).autoPagingToArray({ limit: 1000 });
    expect(walked).toHaveLength(104);
    expect(walked[0]?.name).toBe('Customer 1');
    expect(walked.at(-1)?.name).toBe('Customer 104');
  });

  it('filters by email exactly and case-sensitively', async () => {
    await stripe.customers.create({ email: 'Sarah.Nguyen@example.com', name: 'Upper' });
    await stripe.customers.create({ email: 'sarah.nguyen@example.com', name: 'Lower' });
    const lower = await stripe.customers.list({ email: 'sarah.nguyen@example.com' });
    expect(lower.data.map((c) => c.name)).toEqual(['Lower']);
    const upper = await stripe.customers.list({ email: 'Sarah.Nguyen@example.com' });
    expect(upper.data.map((c) => c.name)).toEqual(['Upper']);
    expect((await stripe.customers.list({ email: 'SARAH.NGUYEN@example.com' })).data).toHaveLength(0);
  });

  it('filters by created range', async () => {
    const all = await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    const created = all[0]!.created;
    const future = await stripe.customers.list({ created: { gt: created } });
    expect(future.data).toHaveLength(0);
    const upTo = await stripe.customers.list({ created: { lte: created }, limit: 1 });
    expect(upTo.data).toHaveLength(1);
  });

  it('rejects a limit outside 1..100', async () => {
    await expect(stripe.customers.list({ limit: 101 })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'limit' });
  });
});

describe('metadata', () => {
  it('merges on update, deletes a key set to empty, clears with metadata empty', async () => {
    const c = await stripe.customers.create({ metadata: { a: '1', b: '2' } });
    const merged = await stripe.customers.update(c.id, { metadata: { b: '3', c: '4' } });
    expect(merged.metadata).toEqual({ a: '1', b: '3', c: '4' });
    const deleted = await stripe.customers.update(c.id, { metadata: { a: '' } });
    expect(deleted.metadata).toEqual({ b: '3', c: '4' });
    const cleared = await stripe.customers.update(c.id, { metadata: '' });
    expect(cleared.metadata).toEqual({});
  });

  it('enforces key, value and count limits with a param', async () => {
    const longKey = 'k'.repeat(41);
    await expect(stripe.customers.create({ metadata: { [longKey]: 'x' } })).rejects.toMatchObject({
      statusCode: 400,
      param: `metadata[${longKey}]`,
    });
    await expect(stripe.customers.create({ metadata: { k: 'v'.repeat(501) } })).rejects.toMatchObject({
      statusCode: 400,
      param: 'metadata[k]',
    });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expect(stripe.customers.create({ metadata: many })).rejects.toMatchObject({ statusCode: 400, param: 'metadata' });
    await expect(stripe.customers.create({ metadata: { 'a[b]': 'x' } })).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('errors and auth', () => {
  it('answers 404 resource_missing for an unknown customer', async () => {
    const error = await stripe.customers.retrieve('cus_doesnotexist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_doesnotexist'",
    });
  });

  it('answers parameter_unknown with the param', async () => {
    await expect(stripe.customers.create({ colour: 'blue' } as unknown as Stripe.CustomerCreateParams)).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
    });
    await expect(stripe.customers.create({ address: { planet: 'Mars' } } as unknown as Stripe.CustomerCreateParams)).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'address[planet]',
    });
  });

  it('rejects a bad key with 401 and masks it', async () => {
    const bad = sdkFor(sim, 'sk_live_abcdefghijklmnop1234');
    const error = await bad.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Error).message).toContain('sk_live_');
    expect((error as Error).message).not.toContain('abcdefghijklmnop');
  });

  it('accepts restricted test keys', async () => {
    const restricted = sdkFor(sim, 'rk_test_restrictedKey42');
    await expect(restricted.customers.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
  });

  it('deletes into a stub that retrieve keeps returning, and hides it from lists', async () => {
    const c = await stripe.customers.create({ email: 'gone@example.com' });
    const deleted = await stripe.customers.del(c.id);
    expect(deleted).toEqual({ id: c.id, object: 'customer', deleted: true });
    expect(await stripe.customers.retrieve(c.id)).toMatchObject({ id: c.id, deleted: true });
    expect((await stripe.customers.list({ email: 'gone@example.com' })).data).toHaveLength(0);
    await expect(stripe.customers.update(c.id, { name: 'x' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('rejects expanding a field that is not expandable', async () => {
    const c = await stripe.customers.create({ name: 'Plain' });
    await expect(stripe.customers.retrieve(c.id, { expand: ['name'] })).rejects.toMatchObject({ statusCode: 400, param: 'expand' });
    await expect(stripe.customers.retrieve(c.id, { expand: ['a.b.c.d.e'] })).rejects.toMatchObject({ statusCode: 400, param: 'expand' });
  });

  it('sends Request-Id and Stripe-Version, never Stripe-Notice', async () => {
    const result = await stripe.customers.list({ limit: 1 });
    expect(result.lastResponse.requestId).toMatch(/^req_/);
    expect(result.lastResponse.headers['stripe-version']).toBe('2026-10-28.endive');
    expect(result.lastResponse.headers['stripe-notice']).toBeUndefined();
  });
});

describe('tax ids', () => {
  it('creates au_abn ids via tax_id_data and the sub-resource, expands customer.tax_ids, rejects bad ABNs', async () => {
    const c = await stripe.customers.create({ name: 'ABN Pty', tax_id_data: [{ type: 'au_abn', value: '51 824 753 556' }] });
    expect(c.tax_ids).toBeUndefined();
    const expanded = (await stripe.customers.retrieve(c.id, { expand: ['tax_ids'] })) as Stripe.Customer;
    expect(expanded.tax_ids?.data.map((t) => t.value)).toEqual(['51824753556']);
    const second = await stripe.customers.createTaxId(c.id, { type: 'au_abn', value: '12345678912' });
    expect(second).toMatchObject({ type: 'au_abn', country: 'AU', customer: c.id, verification: { status: 'pending' } });
    expect((await stripe.customers.listTaxIds(c.id)).data).toHaveLength(2);
    await expect(stripe.customers.createTaxId(c.id, { type: 'au_abn', value: '1234' })).rejects.toMatchObject({
      code: 'tax_id_invalid',
      statusCode: 400,
    });
    expect(await stripe.customers.deleteTaxId(c.id, second.id)).toEqual({ id: second.id, object: 'tax_id', deleted: true });
    await expect(stripe.customers.create({ tax_id_data: [{ type: 'au_abn', value: 'nope' }] })).rejects.toMatchObject({
      code: 'tax_id_invalid',
    });
  });
});
