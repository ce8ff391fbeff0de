// The ServiceM8 daily request budget spent in the middle of a sync (the simulator's
// real 429 "per day", on a day shortened to seconds): the writes ServiceM8 refuses
// wait in the outbox with the reason and retry time, and the next day's sync
// carries them out. Status (its headline) and `sm8sync sync` (its text) say "ServiceM8's
// daily request limit is used up — syncing tries again at HH:mm today/tomorrow", the
// writes' retry time in the business time zone; the sync itself completed (the --json
// result's shape has no field for it, so `status --json` carries the sentence). The
// retry time is a fixed hour: ServiceM8 sends no Retry-After.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/cli-process';
import { sideEnv } from '../helpers/sides-over-http';
import { pauseOf } from '../../src/main/core/sync/engine/cycle-pause';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { createRecord } from '../../src/main/simulators/servicem8/write-rules';
import { useTempDirs } from '../helpers/temp-dir';
import { buildEngine, startSims, type Sims } from './chaos-world';

const tempDir = useTempDirs();
let sims: Sims | undefined;
afterEach(() => sims?.close());

describe('outage: the ServiceM8 daily budget runs out mid-sync', () => {
  it('stops, keeps the writes waiting, resumes the next day, nothing lost', async () => {
    const DAY_MS = 20_000;
    const PER_DAY = 45;
    // The simulator's day passes by moving its clock (its rate windows count the move), not by waiting.
    const nextDay = () => sims!.servicem8.setNow(new Date(sims!.servicem8.now().getTime() + DAY_MS + 300));
    sims = await startSims({ servicem8: { rateLimits: 'real', limits: { perMinute: 1_000_000, perDay: PER_DAY, dayMs: DAY_MS } } });
    const context = { store: sims.servicem8.store, now: () => sims!.servicem8.now() };
    const companies = Array.from({ length: 20 }, (_, n) => {
      const uuid = createRecord(context, OBJECTS.company!, { name: `Budget Client ${n}` }).uuid;
      createRecord(context, OBJECTS.companycontact!, {
        company_uuid: uuid,
        type: 'BILLING',
        is_primary_contact: '1',
        email: `budget${n}@example.com.au`,
      });
      return uuid;
    });
    const time = { offset: 0 };
    const dataDir = tempDir();
    const world = buildEngine(sims, { dataDir, clock: () => new Date(Date.now() + time.offset) });
    expect((await world.sync()).state).toBe('completed');
    const ids = companies.map((c) => world.store.links.byServiceM8Id('client', c)!.stripeId);
    for (const [i, id] of ids.entries()) await sims.stripeApi.customers.update(id, { name: `Budget Renamed ${i}` });
    nextDay(); // a new day

    const refusedBefore = sims.servicem8.stats.byStatus[429] ?? 0;
    const spent = await world.sync();
    expect(spent.state, spent.error ?? '').toBe('completed');
    // Once ServiceM8 refused a write for the day, the others wait without being sent: at most the
    // writes already in flight (the engine applies 4 at once) are refused, not every one left.
    const refused = (sims.servicem8.stats.byStatus[429] ?? 0) - refusedBefore;
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(4);
    const waiting = world.store.outbox.list({ state: 'pending' });
    const done = spent.entities[0]!.updated.servicem8;
    // Some writes went through before the budget ran out; the rest wait, with the reason and when they are tried again.
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(20);
    expect(waiting).toHaveLength(20 - done);
    for (const row of waiting) {
      expect(row.lastError).toMatch(/per day exceeded/);
      expect(Date.parse(row.nextAttemptAt) - Date.now()).toBeGreaterThan(50 * 60_000);
    }
    expect(world.store.outbox.list({ state: 'failed' })).toEqual([]);

    // Status and the CLI's sync say it stopped and when it resumes, in Sydney time (the default business zone).
    assertBuilt();
    const resumeAt = Math.min(...waiting.map((row) => Date.parse(row.nextAttemptAt)));
    const sentence = (now: number) => {
      const at = DateTime.fromMillis(resumeAt, { zone: 'Australia/Sydney' });
      const day = at.hasSame(DateTime.fromMillis(now, { zone: 'Australia/Sydney' }), 'day') ? 'today' : 'tomorrow';
      return `ServiceM8's daily request limit is used up — syncing tries again at ${at.toFormat('HH:mm')} ${day}`;
    };
    // Either side of the CLI call: a Sydney midnight between the two moments changes "today" to "tomorrow".
    const expected = (before: number) => [sentence(before), sentence(Date.now())];
    const env = sideEnv({ servicem8: sims.servicem8.url, stripe: sims.stripe.url }, dataDir);
    let before = Date.now();
    const status = await runCli(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const headline = (JSON.parse(status.stdout) as { state: string; headline: string }).headline;
    expect(expected(before)).toContain(headline);
    // A sync begun while the budget is still spent pauses at its first read: it completed (exit 0)
    // and says when syncing tries again: an hour after that refusal, the later of the two times.
    before = Date.now();
    const again = await runCli(['sync'], env);
    const after = Date.now();
    expect(again.code, again.stderr).toBe(0);
    const pause = pauseOf(world.store.runs.latest());
    expect(pause?.reason).toMatch(/per day exceeded/);
    expect(Date.parse(pause!.until)).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(Date.parse(pause!.until)).toBeLessThanOrEqual(after + 3_600_000);
    const words = (now: number) => {
      const when = DateTime.fromISO(pause!.until, { zone: 'Australia/Sydney' });
      const day = when.hasSame(DateTime.fromMillis(now, { zone: 'Australia/Sydney' }), 'day') ? 'today' : 'tomorrow';
      return `ServiceM8's daily request limit is used up — syncing tries again at ${when.toFormat('HH:mm')} ${day}`;
    };
    const line = again.stdout.trim().split('\n').at(-1)!;
    expect([words(before), words(after)]).toContain(line);
    const paused = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { state: string; headline: string };
    expect(paused.state).toBe('paused');
    expect([words(before), words(Date.now())]).toContain(paused.headline);

    // The next day (for the simulator's window and for the retry times): everything is carried out.
    nextDay();
    time.offset = 61 * 60_000;
    const next = await world.sync();
    expect(next.state).toBe('completed');
    expect(world.store.outbox.list({ state: 'pending' })).toEqual([]);
    nextDay();
    expect((await world.sync()).plan).toEqual([]);
    const names = new Map((await sims.sm8.list('company')).map((c) => [c.uuid, c.name]));
    expect(companies.map((c) => names.get(c))).toEqual(companies.map((_, i) => `Budget Renamed ${i}`));
    world.store.close();
  }, 150_000);
});
