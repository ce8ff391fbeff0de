// The ServiceM8 simulator's REST behaviour over plain HTTP: creates (with and without a
// client uuid), partial updates, soft deletes, edit_date, formats, derived job money
// and error shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { api, del, getJson, postJson, testClock } from './servicem8-test-helpers';

const clock = testClock('2026-11-02T01:00:00Z'); // 12:00 in Sydney (AEDT, +11)
let sim: RunningServiceM8Simulator;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off', now: clock.now });
});
afterAll(() => sim.close());

const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';

describe('ServiceM8 simulator: writes', () => {
  it('creates without a uuid: the server makes one and returns it in x-record-uuid', async () => {
    const created = await postJson(api(sim.url, '/company.json'), { name: 'Acme Electrical' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ errorCode: 0, message: 'OK' });
    const uuid = created.headers.get('x-record-uuid')!;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const record = (await getJson(api(sim.url, `/company/${uuid}.json`))).body;
    expect(record).toMatchObject({
      uuid,
      name: 'Acme Electrical',
      active: 1,
      edit_date: '2026-11-02 12:00:00',
      parent_company_uuid: '',
      badges: '[]',
      abn_number: '',
    });
  });

  it('honours a client-supplied uuid, and a repeated create with it does not duplicate', async () => {
    const uuid = '5d1c6f0e-1111-4222-8333-944455556666';
    const first = await postJson(api(sim.url, '/company.json'), { uuid, name: 'Idempotent Pty Ltd' });
    expect(first.headers.get('x-record-uuid')).toBe(uuid);
    const count = sim.store.count('company');
    await postJson(api(sim.url, '/company.json'), { uuid, name: 'Idempotent Pty Ltd' });
    expect(sim.store.count('company')).toBe(count);
    expect((await getJson(api(sim.url, `/company/${uuid}.json`))).body.name).toBe('Idempotent Pty Ltd');
  });

  it('updates only the fields sent, and moves edit_date on every write', async () => {
    const uuid = (await postJson(api(sim.url, '/company.json'), { name: 'Before', website: 'https://before.example' })).headers.get(
      'x-record-uuid',
    )!;
    clock.advance(65_000);
    expect((await postJson(api(sim.url, `/company/${uuid}.json`), { name: 'After' })).body).toEqual({ errorCode: 0, message: 'OK' });
    const record = (await getJson(api(sim.url, `/company/${uuid}.json`))).body;
    expect(record).toMatchObject({ name: 'After', website: 'https://before.example', edit_date: '2026-11-02 12:01:05' });
  });

  it('soft deletes: the record stays readable with active 0 and still appears in lists; active 1 restores it', async () => {
    const uuid = (await postJson(api(sim.url, '/category.json'), { name: 'Solar' })).headers.get('x-record-uuid')!;
    clock.advance(1000);
    expect((await del(api(sim.url, `/category/${uuid}.json`))).body).toEqual({ errorCode: 0, message: 'OK' });
    expect((await getJson(api(sim.url, `/category/${uuid}.json`))).body).toMatchObject({ active: 0, edit_date: '2026-11-02 12:01:06' });
    const listed = (await getJson(api(sim.url, '/category.json', { cursor: '-1' }))).rows.find((r) => r.uuid === uuid);
    expect(listed?.active).toBe(0);
    await postJson(api(sim.url, `/category/${uuid}.json`), { active: 1 });
    expect((await getJson(api(sim.url, `/category/${uuid}.json`))).body.active).toBe(1);
  });

  it('keeps money as 4-dp strings, re-derives price from tax-inclusive entry, and totals the job tax-inclusive', async () => {
    const job = (await postJson(api(sim.url, '/job.json'), { status: 'Work Order' })).headers.get('x-record-uuid')!;
    expect((await getJson(api(sim.url, `/job/${job}.json`))).body).toMatchObject({
      generated_job_id: '1',
      total_invoice_amount: '0.0000',
      status: 'Work Order',
    });
    const inc = (
      await postJson(api(sim.url, '/jobmaterial.json'), {
        job_uuid: job,
        name: 'Hot water unit',
        quantity: '1',
        displayed_amount: '1450',
        displayed_amount_is_tax_inclusive: true,
        tax_rate_uuid: GST,
      })
    ).headers.get('x-record-uuid')!;
    expect((await getJson(api(sim.url, `/jobmaterial/${inc}.json`))).body).toMatchObject({
      price: '1318.1818',
      displayed_amount: '1450.0000',
      displayed_amount_is_tax_inclusive: '1',
    });
    const ex = (
      await postJson(api(sim.url, '/jobmaterial.json'), { job_uuid: job, name: 'Labour', quantity: 2.5, price: 110, tax_rate_uuid: GST })
    ).headers.get('x-record-uuid')!;
    // 1450.00 + 2.5 × 110.00 × 1.1 = 1450.00 + 302.50
    expect((await getJson(api(sim.url, `/job/${job}.json`))).body.total_invoice_amount).toBe('1752.5000');
    await del(api(sim.url, `/jobmaterial/${ex}.json`));
    expect((await getJson(api(sim.url, `/job/${job}.json`))).body.total_invoice_amount).toBe('1450.0000');
    await postJson(api(sim.url, '/jobpayment.json'), {
      job_uuid: job,
      amount: '1450.00',
      method: 'Stripe',
      timestamp: '2026-11-02 12:05:00',
      note: 'pi_123',
    });
    expect((await getJson(api(sim.url, `/job/${job}.json`))).body.payment_received).toBe(1);
  });
});

describe('ServiceM8 simulator: job contacts', () => {
  it('keeps a job contact on the job it was created for', async () => {
    const job = (await postJson(api(sim.url, '/job.json'), { status: 'Quote' })).headers.get('x-record-uuid')!;
    const other = (await postJson(api(sim.url, '/job.json'), { status: 'Quote' })).headers.get('x-record-uuid')!;
    const contact = (
      await postJson(api(sim.url, '/jobcontact.json'), { job_uuid: job, first: 'Pat', type: 'JOB', email: 'pat@example.com' })
    ).headers.get('x-record-uuid')!;
    expect((await postJson(api(sim.url, `/jobcontact/${contact}.json`), { job_uuid: other })).body).toEqual({
      errorCode: 400,
      message: 'job_uuid cannot be changed once set',
    });
    expect((await postJson(api(sim.url, `/jobcontact/${contact}.json`), { mobile: '0412 345 678' })).status).toBe(200);
    expect((await getJson(api(sim.url, `/jobcontact/${contact}.json`))).body).toMatchObject({
      job_uuid: job,
      mobile: '0412 345 678',
      email: 'pat@example.com',
    });
  });
});

describe('ServiceM8 simulator: errors', () => {
  it('answers 404 in the API shape for an unknown record and an unknown object', async () => {
    expect(await getJson(api(sim.url, '/company/00000000-0000-4000-8000-000000000000.json'))).toMatchObject({
      status: 404,
      body: { errorCode: 404 },
    });
    expect(await getJson(api(sim.url, '/invoice.json'))).toMatchObject({ status: 404, body: { errorCode: 404 } });
  });

  it('answers 400 with the reason for bad bodies and bad values', async () => {
    expect((await postJson(api(sim.url, '/company.json'), '{not json')).body).toEqual({
      errorCode: 400,
      message: 'Request body is not valid JSON',
    });
    expect((await postJson(api(sim.url, '/company.json'), { website: 'x' })).body).toEqual({
      errorCode: 400,
      message: 'Missing required field: name',
    });
    expect((await postJson(api(sim.url, '/company.json'), { name: 'B', badges: ['VIP'] })).body.message).toContain('JSON-encoded array');
    expect((await postJson(api(sim.url, '/job.json'), { status: 'Invoiced' })).body.message).toContain('expected one of Quote');
    expect(
      (await postJson(api(sim.url, '/jobpayment.json'), { job_uuid: '00000000-0000-4000-8000-000000000000', amount: '1' })).status,
    ).toBe(400);
    expect((await postJson(api(sim.url, '/jobpayment.json'), { job_uuid: 'nope', amount: 'ten' })).status).toBe(400);
  });

  it('refuses writes to vendor and verbs the API does not have', async () => {
    const vendor = (await getJson(api(sim.url, '/vendor.json'))).rows[0]!;
    expect(vendor).toMatchObject({ timezone_name: 'Australia/Sydney', currency: 'AUD' });
    expect((await postJson(api(sim.url, `/vendor/${String(vendor.uuid)}.json`), { name: 'x' })).body).toEqual({
      errorCode: 400,
      message: 'vendor is read-only',
    });
    const put = await fetch(api(sim.url, `/vendor/${String(vendor.uuid)}.json`), {
      method: 'PUT',
      headers: { 'X-API-Key': 'sm8-demo-key' },
    });
    expect(put.status).toBe(405);
  });
});
