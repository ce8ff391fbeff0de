// The connector's incremental read against the simulator, through the night daylight
// saving ends in Sydney (2026-04-05: 03:00 AEDT = 16:00Z goes back to 02:00 AEST). The
// simulator stamps edit_date in account-local time without an offset, as ServiceM8 does,
// so an edit in the second 02:xx sorts before a cursor set in the first 02:xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceM8Client, apiKeyAuth, type ChangeCursor } from '../../src/main/core/connectors/servicem8';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { testClock } from './servicem8-test-helpers';

describe('ServiceM8 connector: the repeated hour when daylight saving ends', () => {
  const clock = testClock('2026-04-04T14:00:00Z'); // 01:00 AEDT
  let sim: RunningServiceM8Simulator;
  let client: ServiceM8Client;
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());

  beforeAll(async () => {
    sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off', now: clock.now });
    client = new ServiceM8Client({
      baseUrl: sim.url,
      auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
      retry: { retries: 2, baseMs: 5, maxMs: 20 },
      limits: { perMinute: 100_000, perDay: 1_000_000 },
      now: clock.now,
      cursor: { overlapSeconds: 60 },
    });
  });
  afterAll(() => sim.close());

  it('delivers an edit made in the second 02:xx, once, after a sync in the first 02:xx', async () => {
    const early = await client.create('company', { name: 'Early Plumbing' });
    at('2026-04-04T15:40:00Z'); // 02:40 AEDT, the first pass
    const first = await client.create('company', { name: 'First Pass Electrical' });
    at('2026-04-04T15:58:00Z'); // 02:58 AEDT: a sync
    let read = await client.listChangedSince('company', null);
    expect(read.records.map((r) => r.uuid).sort()).toEqual([early, first].sort());
    let cursor: ChangeCursor = read.cursor;
    expect(cursor.editDate).toBe('2026-04-05 02:40:00');

    at('2026-04-04T16:10:00Z'); // 02:10 AEST, the second pass
    await client.update('company', early, { name: 'Early Plumbing & Gas' });
    expect(sim.store.get('company', early)?.edit_date).toBe('2026-04-05 02:10:00'); // earlier than the cursor
    at('2026-04-04T16:20:00Z'); // 02:20 AEST: the next sync
    read = await client.listChangedSince('company', cursor);
    expect(read.records.map((r) => [r.uuid, r.name])).toEqual([[early, 'Early Plumbing & Gas']]);
    cursor = read.cursor;

    // Later syncs that night deliver nothing twice and still see new edits.
    at('2026-04-04T16:40:00Z'); // 02:40 AEST
    expect((await client.listChangedSince('company', cursor)).records).toEqual([]);
    at('2026-04-04T17:30:00Z'); // 03:30 AEST
    await client.update('company', first, { name: 'First Pass Electrical Pty Ltd' });
    at('2026-04-04T18:00:00Z'); // 04:00 AEST
    read = await client.listChangedSince('company', cursor);
    expect(read.records.map((r) => r.name)).toEqual(['First Pass Electrical Pty Ltd']);
    at('2026-04-04T21:00:00Z'); // 07:00 AEST
    read = await client.listChangedSince('company', read.cursor);
    expect(read.records).toEqual([]);
  });
});
