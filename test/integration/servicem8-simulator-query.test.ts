// $filter and cursor pagination on the ServiceM8 simulator, over plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { api, getJson, type Row } from './servicem8-test-helpers';

let sim: RunningServiceM8Simulator;
let strict: RunningServiceM8Simulator;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', pageSize: 7 });
  strict = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', strictNe: true });
});
afterAll(async () => {
  await sim.close();
  await strict.close();
});

const list = async (base: string, object: string, filter: string): Promise<Row[]> => {
  const reply = await getJson(api(base, `/${object}.json`, { cursor: '-1', $filter: filter }));
  expect(reply.status).toBe(200);
  return reply.rows;
};

describe('ServiceM8 simulator: $filter', () => {
  it('applies eq with quoted strings and bare numbers', async () => {
    const completed = await list(strict.url, 'job', "status eq 'Completed'");
    expect(completed.length).toBeGreaterThan(10);
    expect(completed.every((j) => j.status === 'Completed')).toBe(true);
    const invoiced = await list(strict.url, 'job', 'invoice_sent eq 1');
    expect(invoiced.length).toBeGreaterThan(0);
    expect(invoiced.every((j) => j.invoice_sent === 1)).toBe(true);
  });

  it('reads a doubled quote inside a quoted value as one quote', async () => {
    const rows = await list(strict.url, 'company', "name eq 'James O''Connor'");
    expect(rows.map((r) => r.name)).toEqual(["James O'Connor"]);
  });

  it('applies gt and lt to naive stamps and to money, and joins conditions with and', async () => {
    const after = await list(strict.url, 'job', "edit_date gt '2026-09-01 00:00:00'");
    const before = await list(strict.url, 'job', "edit_date lt '2026-09-01 00:00:00'");
    expect(after.length + before.length).toBe(120);
    expect(after.every((j) => String(j.edit_date) > '2026-09-01 00:00:00')).toBe(true);
    const big = await list(strict.url, 'job', "total_invoice_amount gt 1000 and status eq 'Completed'");
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((j) => Number(j.total_invoice_amount) > 1000 && j.status === 'Completed')).toBe(true);
  });

  it('applies ne in strict mode, and ignores it by default as seen live', async () => {
    const strictRows = await list(strict.url, 'job', "status ne 'Completed'");
    expect(strictRows.some((j) => j.status === 'Completed')).toBe(false);
    const all = await getJson(api(sim.url, '/job.json', { cursor: '-1', $filter: "status ne 'Completed'" }));
    expect(all.rows.some((j) => j.status === 'Completed')).toBe(true);
  });

  it('rejects more than 10 conditions, unsupported fields and operators with 400', async () => {
    const eleven = Array.from({ length: 11 }, () => 'active eq 1').join(' and ');
    const ten = Array.from({ length: 10 }, () => 'active eq 1').join(' and ');
    expect((await getJson(api(strict.url, '/job.json', { $filter: ten, cursor: '-1' }))).status).toBe(200);
    expect((await getJson(api(strict.url, '/job.json', { $filter: eleven }))).body).toEqual({
      errorCode: 400,
      message: 'Too many $filter conditions (at most 10)',
    });
    expect((await getJson(api(strict.url, '/company.json', { $filter: "email eq 'x@y.z'" }))).body).toEqual({
      errorCode: 400,
      message: 'Unsupported $filter field: email',
    });
    expect((await getJson(api(strict.url, '/job.json', { $filter: "Status eq 'Quote'" }))).body.message).toBe(
      'Unsupported $filter field: Status',
    );
    expect((await getJson(api(strict.url, '/job.json', { $filter: 'active ge 1' }))).body.message).toBe('Unsupported $filter operator: ge');
    expect((await getJson(api(strict.url, '/job.json', { $filter: 'active eq 1 or active eq 0' }))).status).toBe(400);
    expect((await getJson(api(strict.url, '/job.json', { $filter: 'status eq Quote' }))).status).toBe(400);
  });
});

describe('ServiceM8 simulator: pagination', () => {
  it('walks every page with cursor=-1 and x-next-cursor, with no record twice', async () => {
    const seen: string[] = [];
    let cursor = '-1';
    let pages = 0;
    for (; pages < 20; pages += 1) {
      const reply = await getJson(api(sim.url, '/company.json', { cursor }));
      expect(reply.rows.length).toBeLessThanOrEqual(7);
      seen.push(...reply.rows.map((r) => String(r.uuid)));
      const next = reply.headers.get('x-next-cursor');
      if (!next) break;
      cursor = next;
    }
    expect(pages + 1).toBe(6); // 40 companies, 7 a page
    expect(seen.length).toBe(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('pages a filtered list too', async () => {
    const first = await getJson(api(sim.url, '/job.json', { cursor: '-1', $filter: "status eq 'Completed'" }));
    expect(first.rows.length).toBe(7);
    const second = await getJson(
      api(sim.url, '/job.json', { cursor: first.headers.get('x-next-cursor')!, $filter: "status eq 'Completed'" }),
    );
    expect(second.rows.every((j) => j.status === 'Completed')).toBe(true);
    expect(second.rows.some((j) => first.rows.some((f) => f.uuid === j.uuid))).toBe(false);
  });

  it('returns only the first page, without a next cursor, when no cursor is sent', async () => {
    const reply = await getJson(api(sim.url, '/company.json'));
    expect(reply.rows.length).toBe(7);
    expect(reply.headers.get('x-next-cursor')).toBeNull();
  });

  it('answers 400 for a cursor it never issued', async () => {
    expect((await getJson(api(sim.url, '/company.json', { cursor: 'not-a-cursor' }))).status).toBe(400);
  });
});
