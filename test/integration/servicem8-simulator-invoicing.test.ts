// What the invoices and payments pairs rely on from the ServiceM8 simulator: the test
// clock (POST /_sim/clock), a job's way through Quote → Work Order → Completed with its
// stamps and invoice_sent, tax-inclusive, exclusive and GST-free lines in the total,
// deposits, payment_received, soft deletes, and the switches for what the reference
// leaves open. Expected amounts are worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { api, del, getJson, KEY, postJson, testClock, type Row } from './servicem8-test-helpers';

const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
const GST_FREE = 'a1b2c3d4-0002-4a10-8b10-000000000000';
const wall = testClock('2026-12-01T02:00:00Z');
let sim: RunningServiceM8Simulator;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'real', now: wall.now });
});
afterAll(() => sim.close());

const setClock = (base: string, now: unknown, headers: Record<string, string> = { 'X-API-Key': KEY }) =>
  postJson(`${base}/_sim/clock`, { now }, headers);
const job = async (base: string, uuid: string): Promise<Row> => (await getJson(api(base, `/job/${uuid}.json`))).body;
const create = async (base: string, object: string, body: Record<string, unknown>): Promise<string> => {
  const reply = await postJson(api(base, `/${object}.json`), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.headers.get('x-record-uuid')!;
};

describe('ServiceM8 simulator: test clock', () => {
  it('sets the simulated time with POST /_sim/clock; stamps are Sydney wall time and run on with the clock', async () => {
    const reply = await setClock(sim.url, '2026-11-03T22:00:00Z'); // 09:00 on 4 Nov in Sydney (AEDT, +11)
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ now: '2026-11-03T22:00:00.000Z' });
    const uuid = await create(sim.url, 'company', { name: 'Clocked Pty Ltd' });
    expect((await getJson(api(sim.url, `/company/${uuid}.json`))).body.edit_date).toBe('2026-11-04 09:00:00');
    wall.advance(90_000); // wall time moves on: so does the simulated clock
    await postJson(api(sim.url, `/company/${uuid}.json`), { website: 'clocked.example' });
    expect((await getJson(api(sim.url, `/company/${uuid}.json`))).body.edit_date).toBe('2026-11-04 09:01:30');
    expect((await getJson(`${sim.url}/_sim/clock`, { 'X-API-Key': KEY })).body.now).toBe('2026-11-03T22:01:30.000Z');
  });

  it('takes an offset instant, and refuses a naive time, a missing value and a missing or wrong key', async () => {
    expect((await setClock(sim.url, '2026-06-01T09:00:00+10:00')).body.now).toBe('2026-05-31T23:00:00.000Z');
    const naive = await setClock(sim.url, '2026-06-01 09:00:00');
    expect(naive.status).toBe(400);
    expect(naive.body).toMatchObject({ errorCode: 400, message: expect.stringContaining('ISO 8601') as unknown });
    expect((await setClock(sim.url, undefined)).status).toBe(400);
    expect((await setClock(sim.url, '2026-06-01T09:00:00Z', {})).status).toBe(401);
    expect((await setClock(sim.url, '2026-06-01T09:00:00Z', { 'X-API-Key': 'wrong' })).status).toBe(401);
  });

  it('does not spend the rate budget: setting the clock is not an API request', async () => {
    const before = sim.stats.arrivals.length;
    for (let i = 0; i < 5; i += 1) await setClock(sim.url, '2026-11-10T00:00:00Z');
    expect(sim.stats.arrivals.length).toBe(before);
  });
});

describe('ServiceM8 simulator: a job becomes an invoice and is paid', () => {
  let uuid: string;

  it('stamps each status it enters and the invoice being sent, from the clock, in Sydney time', async () => {
    await setClock(sim.url, '2026-11-09T21:30:00Z'); // Tue 10 Nov 08:30 Sydney
    uuid = await create(sim.url, 'job', { status: 'Quote', job_description: 'Hot water' });
    let record = await job(sim.url, uuid);
    expect(record).toMatchObject({
      quote_date: '2026-11-10 08:30:00',
      date: '2026-11-10 08:30:00',
      work_order_date: '0000-00-00 00:00:00',
    });
    expect(record.generated_job_id).toMatch(/^\d+$/);
    await setClock(sim.url, '2026-11-10T22:00:00Z');
    await postJson(api(sim.url, `/job/${uuid}.json`), { status: 'Work Order' });
    expect((await job(sim.url, uuid)).work_order_date).toBe('2026-11-11 09:00:00');
    await setClock(sim.url, '2026-11-11T04:15:00Z');
    await postJson(api(sim.url, `/job/${uuid}.json`), { status: 'Completed', invoice_sent: 1 });
    record = await job(sim.url, uuid);
    expect(record).toMatchObject({
      status: 'Completed',
      completion_date: '2026-11-11 15:15:00',
      invoice_sent: 1,
      invoice_sent_stamp: '2026-11-11 15:15:00',
      quote_date: '2026-11-10 08:30:00',
      edit_date: '2026-11-11 15:15:00',
    });
  });

  it('totals inclusive, exclusive and GST-free lines tax-inclusive, line by line', async () => {
    await setClock(sim.url, '2026-11-11T05:00:00Z');
    // inclusive: 1 × 1,450.00 = 1,450.00; exclusive: 3 × 110.00 = 330.00 + 33.00 GST; GST-free: 98.35.
    await create(sim.url, 'jobmaterial', {
      job_uuid: uuid,
      name: 'HWS',
      quantity: '1',
      displayed_amount: '1450.00',
      displayed_amount_is_tax_inclusive: '1',
      tax_rate_uuid: GST,
      sort_order: '1',
    });
    await create(sim.url, 'jobmaterial', {
      job_uuid: uuid,
      name: 'Labour',
      quantity: '3',
      displayed_amount: '110',
      displayed_amount_is_tax_inclusive: '0',
      tax_rate_uuid: GST,
      sort_order: 2,
    });
    const permit = await create(sim.url, 'jobmaterial', {
      job_uuid: uuid,
      name: 'Permit',
      quantity: '1',
      price: '98.35',
      tax_rate_uuid: GST_FREE,
    });
    const record = await job(sim.url, uuid);
    expect(record.total_invoice_amount).toBe('1911.3500'); // 1,450.00 + 363.00 + 98.35
    expect(record.edit_date).toBe('2026-11-11 16:00:00'); // the derived total is an edit of the job
    const line = (await getJson(api(sim.url, `/jobmaterial/${permit}.json`))).body;
    expect(line).toMatchObject({ sort_order: '0', displayed_amount: '98.3500', displayed_amount_is_tax_inclusive: '0' });
  });

  it('marks a payment before completion as a deposit, and sets payment_received only when the total is covered', async () => {
    const woJob = await create(sim.url, 'job', { status: 'Work Order' });
    await create(sim.url, 'jobmaterial', { job_uuid: woJob, name: 'Switchboard', quantity: '1', price: '1000', tax_rate_uuid: GST });
    const deposit = await create(sim.url, 'jobpayment', { job_uuid: woJob, amount: '330.00', method: 'EFT' });
    expect((await getJson(api(sim.url, `/jobpayment/${deposit}.json`))).body).toMatchObject({
      is_deposit: 1,
      timestamp: '2026-11-11 16:00:00',
    });
    expect((await job(sim.url, woJob)).payment_received).toBe(0);

    await setClock(sim.url, '2026-11-12T00:00:00Z'); // 11:00 Sydney
    const part = await create(sim.url, 'jobpayment', {
      job_uuid: uuid,
      amount: '1000.00',
      method: 'Cash',
      timestamp: '2026-11-12 10:45:00',
    });
    expect((await getJson(api(sim.url, `/jobpayment/${part}.json`))).body).toMatchObject({
      is_deposit: 0,
      timestamp: '2026-11-12 10:45:00',
    });
    expect((await job(sim.url, uuid)).payment_received).toBe(0);
    const rest = await create(sim.url, 'jobpayment', { job_uuid: uuid, amount: '911.35', method: 'Stripe', note: 'pi_123' });
    expect(await job(sim.url, uuid)).toMatchObject({ payment_received: 1, payment_received_stamp: '2026-11-12 11:00:00' });

    await setClock(sim.url, '2026-11-12T01:00:00Z');
    expect((await del(api(sim.url, `/jobpayment/${rest}.json`))).status).toBe(200);
    expect((await getJson(api(sim.url, `/jobpayment/${rest}.json`))).body).toMatchObject({ active: 0, edit_date: '2026-11-12 12:00:00' });
    expect(await job(sim.url, uuid)).toMatchObject({ payment_received: 0, edit_date: '2026-11-12 12:00:00' });
  });

  it('leaves a zero-value invoice unpaid however it is paid', async () => {
    const zero = await create(sim.url, 'job', { status: 'Completed', invoice_sent: '1' });
    await create(sim.url, 'jobmaterial', { job_uuid: zero, name: 'Warranty', quantity: '1', price: '0', tax_rate_uuid: GST });
    await create(sim.url, 'jobpayment', { job_uuid: zero, amount: '0', method: 'Cash' });
    expect(await job(sim.url, zero)).toMatchObject({ total_invoice_amount: '0.0000', invoice_sent: 1, payment_received: 0 });
  });
});

describe('ServiceM8 simulator: switches for what the reference leaves open', () => {
  it('totals ex-tax, keeps payment_received manual and never marks deposits when switched', async () => {
    const other = await startServiceM8Simulator({
      seed: 'none',
      rateLimits: 'off',
      now: wall.now,
      behaviour: { totalInvoiceAmount: 'exclusive', paymentReceived: 'manual', deposits: 'never' },
    });
    try {
      const uuid = await create(other.url, 'job', { status: 'Work Order' });
      await create(other.url, 'jobmaterial', {
        job_uuid: uuid,
        name: 'Tap',
        quantity: '2',
        displayed_amount: '110.00',
        displayed_amount_is_tax_inclusive: '1',
        tax_rate_uuid: GST,
      });
      expect((await job(other.url, uuid)).total_invoice_amount).toBe('200.0000'); // 220.00 inc. GST is 200.00 ex.
      const payment = await create(other.url, 'jobpayment', { job_uuid: uuid, amount: '220.00', method: 'Cash' });
      expect((await getJson(api(other.url, `/jobpayment/${payment}.json`))).body.is_deposit).toBe(0);
      expect((await job(other.url, uuid)).payment_received).toBe(0);
      await postJson(api(other.url, `/job/${uuid}.json`), { payment_received: true });
      expect((await job(other.url, uuid)).payment_received).toBe(1);
    } finally {
      await other.close();
    }
  });
});
