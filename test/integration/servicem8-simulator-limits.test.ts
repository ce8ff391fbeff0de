// Rate limits, fault injection, persistence and the demo seed of the ServiceM8
// simulator, over plain HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { normaliseAbn } from '../../src/main/core/sync/normalise/abn';
import { api, getJson, postJson } from './servicem8-test-helpers';

describe('ServiceM8 simulator: rate limits', () => {
  // The limits count the simulator's clock: moving it on is time passing, so no test waits out a window.
  it('answers 429 with the real per-minute message once the minute budget is spent, and recovers a minute later', async () => {
    const sim = await startServiceM8Simulator({ limits: { perMinute: 5, perDay: 1000 } });
    try {
      const replies = await Promise.all(Array.from({ length: 8 }, () => getJson(api(sim.url, '/taxrate.json'))));
      expect(replies.filter((r) => r.status === 200).length).toBe(5);
      const limited = replies.filter((r) => r.status === 429);
      expect(limited.length).toBe(3);
      expect(limited[0]!.body).toEqual({ errorCode: 429, message: 'Number of allowed API requests per minute exceeded' });
      sim.setNow(new Date(sim.now().getTime() + 60_000));
      expect((await getJson(api(sim.url, '/taxrate.json'))).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('says "per day" when the daily budget is the one exhausted', async () => {
    const sim = await startServiceM8Simulator({ limits: { perMinute: 100, perDay: 3 } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await getJson(api(sim.url, '/vendor.json'))).status).toBe(200);
      expect((await getJson(api(sim.url, '/vendor.json'))).body).toEqual({
        errorCode: 429,
        message: 'Number of allowed API requests per day exceeded',
      });
    } finally {
      await sim.close();
    }
  });

  it('gives the day back when its clock moves a day on, never when it is set back', async () => {
    const start = new Date('2026-11-10T01:00:00Z');
    const sim = await startServiceM8Simulator({ limits: { perMinute: 100, perDay: 3 }, startAt: start });
    const status = async () => (await getJson(api(sim.url, '/vendor.json'))).status;
    const setClock = (instant: Date) => postJson(`${sim.url}/_sim/clock`, { now: instant.toISOString() });
    try {
      for (let i = 0; i < 3; i += 1) expect(await status()).toBe(200);
      expect(await status()).toBe(429);
      // Set back a month (to stamp a past month): no time has passed, the day is still spent.
      expect((await setClock(new Date('2026-10-10T01:00:00Z'))).status).toBe(200);
      expect(await status()).toBe(429);
      // From there, most of a day on is not yet a day since the requests.
      await setClock(new Date('2026-10-11T00:59:00Z'));
      expect(await status()).toBe(429);
      // A day and a minute after them (the clock moved on that much since): the day is back.
      await setClock(new Date('2026-10-11T01:01:00Z'));
      expect(await status()).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('uses the real limits by default and none when switched off', async () => {
    const real = await startServiceM8Simulator();
    const off = await startServiceM8Simulator({ rateLimits: 'off' });
    try {
      const burst = (url: string) =>
        Promise.all(
          Array.from({ length: 190 }, () =>
            fetch(api(url, '/vendor.json'), { headers: { 'X-API-Key': 'sm8-demo-key' } }).then((r) => r.status),
          ),
        );
      const realStatuses = await burst(real.url);
      expect(realStatuses.filter((s) => s === 200).length).toBe(180);
      expect(realStatuses.filter((s) => s === 429).length).toBe(10);
      expect((await burst(off.url)).every((s) => s === 200)).toBe(true);
    } finally {
      await real.close();
      await off.close();
    }
  });
});

describe('ServiceM8 simulator: faults', () => {
  it('fails requests with 500/503 in the API shape at the configured rate', async () => {
    const sim = await startServiceM8Simulator({ rateLimits: 'off', errorRate: 1 });
    try {
      const reply = await getJson(api(sim.url, '/vendor.json'));
      expect([500, 503]).toContain(reply.status);
      expect(reply.body.errorCode).toBe(reply.status);
      sim.faults.configure({ errorRate: 0.3 });
      const statuses = await Promise.all(Array.from({ length: 200 }, () => getJson(api(sim.url, '/vendor.json')).then((r) => r.status)));
      const failed = statuses.filter((s) => s >= 500).length;
      expect(failed).toBeGreaterThan(30);
      expect(failed).toBeLessThan(90);
    } finally {
      await sim.close();
    }
  });

  it('drops the connection after committing a write', async () => {
    const sim = await startServiceM8Simulator({ rateLimits: 'off', dropAfterWriteRate: 1, latencyMs: 20 });
    try {
      const uuid = '6a7b8c9d-0000-4000-8000-00000000abcd';
      await expect(postJson(api(sim.url, '/company.json'), { uuid, name: 'Dropped Ltd' })).rejects.toThrow();
      sim.faults.configure({ dropAfterWriteRate: 0 });
      expect((await getJson(api(sim.url, `/company/${uuid}.json`))).body.name).toBe('Dropped Ltd');
      expect(sim.stats.droppedWrites).toBe(1);
    } finally {
      await sim.close();
    }
  });
});

describe('ServiceM8 simulator: persistence and demo seed', () => {
  it('saves to its data file on close and loads it on the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sm8sim-'));
    try {
      const dataFile = path.join(dir, 'servicem8.json');
      const first = await startServiceM8Simulator({ rateLimits: 'off', dataFile });
      const uuid = (await postJson(api(first.url, '/company.json'), { name: 'Persisted Pty Ltd' })).headers.get('x-record-uuid')!;
      await first.close();
      const second = await startServiceM8Simulator({ rateLimits: 'off', dataFile, seed: 'demo' });
      try {
        expect((await getJson(api(second.url, `/company/${uuid}.json`))).body.name).toBe('Persisted Pty Ltd');
        expect(second.store.count('company')).toBe(1); // loaded, not re-seeded
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seeds the same realistic business every time, with the six shared billing emails', async () => {
    const a = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
    const b = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
    try {
      expect(JSON.stringify(a.store.toJSON())).toBe(JSON.stringify(b.store.toJSON()));
      const contacts = (await getJson(api(a.url, '/companycontact.json', { cursor: '-1' }))).rows;
      const companies = (await getJson(api(a.url, '/company.json', { cursor: '-1' }))).rows;
      const byUuid = new Map(companies.map((c) => [c.uuid, c]));
      const billing = (email: string) => contacts.find((c) => c.email === email && c.type === 'BILLING' && c.is_primary_contact === '1');
      // is_individual is a string "0"/"1" on the wire, as ServiceM8's spec types it.
      const shared: [string, string, string][] = [
        ['accounts@harbourviewcafe.com.au', 'Harbour View Cafe Pty Ltd', '0'],
        ['Sarah.Nguyen@example.com', 'Sarah Nguyen', '1'],
        ['office@bondiplumbingsupplies.com.au', 'Bondi Plumbing Supplies', '0'],
        ['james.oconnor@example.net', "James O'Connor", '1'],
        ['admin@parramattadental.com.au', 'Parramatta Dental Group', '0'],
        ['facilities@northshoreschool.nsw.edu.au', 'North Shore Grammar', '0'],
      ];
      for (const [email, name, individual] of shared) {
        const company = byUuid.get(billing(email)?.company_uuid ?? '');
        expect(company, email).toMatchObject({ name, is_individual: individual });
      }
      expect(companies.length).toBe(40);
      const abns = companies.map((c) => String(c.abn_number)).filter(Boolean);
      // Checked with the app's ABN rules, not the seed's own copy of them.
      expect(abns.filter((abn) => !normaliseAbn(abn).ok)).toEqual(['12 345 678']);
      const emails = contacts.map((c) => String(c.email).toLowerCase()).filter(Boolean);
      expect(emails.length).toBeGreaterThan(new Set(emails).size); // a duplicate email exists
      expect(contacts.some((c) => c.type === 'BILLING' && c.email === '')).toBe(true);
      const phones = contacts.flatMap((c) => [String(c.phone), String(c.mobile)]).filter(Boolean);
      for (const shape of [/^04\d{2} \d{3} \d{3}$/, /^\+61 [24]/, /^\(02\) \d{4}-\d{4}$/, /^0\d{9}$/])
        expect(
          phones.some((p) => shape.test(p)),
          String(shape),
        ).toBe(true);
      const jobs = (await getJson(api(a.url, '/job.json', { cursor: '-1' }))).rows;
      expect(jobs.length).toBe(120);
      for (const status of ['Quote', 'Work Order', 'Completed']) expect(jobs.some((j) => j.status === status)).toBe(true);
      expect(jobs.some((j) => j.invoice_sent === 1 && j.payment_received === 1)).toBe(true);
      expect(jobs.some((j) => j.invoice_sent === 1 && j.payment_received === 0)).toBe(true);
      const payments = (await getJson(api(a.url, '/jobpayment.json', { cursor: '-1' }))).rows;
      expect(new Set(payments.map((p) => p.method))).toContain('Cash');
      expect(payments.filter((p) => p.method === 'Stripe').length).toBeGreaterThanOrEqual(2);
      const materials = (await getJson(api(a.url, '/jobmaterial.json', { cursor: '-1' }))).rows;
      expect(new Set(materials.map((m) => m.displayed_amount_is_tax_inclusive))).toEqual(new Set(['0', '1']));
      expect((await getJson(api(a.url, '/staff.json'))).rows.length).toBe(5);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
