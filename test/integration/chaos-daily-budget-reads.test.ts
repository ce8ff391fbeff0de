// The ServiceM8 daily request budget spent where the sync READS (the simulator's real
// 429 "per day", on a day shortened to seconds): already spent as `sm8sync sync` starts,
// or running out in the middle of the pull. Either way the cycle pauses and completes:
// exit 0 with "ServiceM8's daily request limit is used up — syncing tries again at HH:mm
// today/tomorrow" (an hour after the refusal, in the business zone: ServiceM8 sends no
// Retry-After), no link, write or cursor moves past what was not read, Status says the
// same, and the next day's sync carries everything out exactly once.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStatus } from '../../src/main/core/app/status-view';
import { Store } from '../../src/main/core/store/store';
import { pauseOf } from '../../src/main/core/sync/engine/cycle-pause';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { createRecord } from '../../src/main/simulators/servicem8/write-rules';
import { assertBuilt, runCli } from '../helpers/cli-process';
import { allCustomers, SM8_KEY, sideEnv } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';
import { parseSettings } from '../../src/shared/settings';
import { buildEngine, startSims, type Sims } from './chaos-world';

const tempDir = useTempDirs();
let sims: Sims | undefined;
afterEach(() => sims?.close());

const WORDS = "ServiceM8's daily request limit is used up — syncing tries again at";
/** The simulator's day passes: its clock moves on, and its rate windows count the move (no wall-clock wait). */
const nextDay = (sims: Sims, dayMs: number) => sims.servicem8.setNow(new Date(sims.servicem8.now().getTime() + dayMs + 300));

/** Spends what is left of the simulator's day (one request at a time, bounded) until it answers "per day exceeded". */
async function spendTheDay(url: string): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    const response = await fetch(`${url}/api_1.0/vendor.json`, { headers: { 'X-API-Key': SM8_KEY } });
    const text = await response.text();
    if (response.status === 429 && /per day exceeded/.test(text)) return;
  }
  throw new Error('the simulated day was never spent');
}

/** `n` ServiceM8 clients (company + billing contact) put straight into the simulator: no request spent. */
function addClients(s: Sims, n: number, prefix: string): string[] {
  const context = { store: s.servicem8.store, now: () => s.servicem8.now() };
  return Array.from({ length: n }, (_, i) => {
    const uuid = createRecord(context, OBJECTS.company!, { name: `${prefix} Client ${i}` }).uuid;
    createRecord(context, OBJECTS.companycontact!, {
      company_uuid: uuid,
      type: 'BILLING',
      is_primary_contact: '1',
      email: `${prefix}${i}@example.com.au`,
    });
    return uuid;
  });
}

/** The sentence for a pause, as Status and the CLI word it, against `now`, in Sydney (the default business zone). */
function sentenceFor(until: string, now: number): string {
  const at = DateTime.fromISO(until, { zone: 'Australia/Sydney' });
  const day = at.hasSame(DateTime.fromMillis(now, { zone: 'Australia/Sydney' }), 'day') ? 'today' : 'tomorrow';
  return `${WORDS} ${at.toFormat('HH:mm')} ${day}`;
}

function companiesNamed(s: Sims, prefix: string): string[] {
  return s.servicem8.store
    .list('company')
    .map((c) => String(c.name))
    .filter((name) => name.startsWith(prefix))
    .sort();
}

describe('outage: the ServiceM8 daily budget spent where the sync reads', () => {
  it('already spent as `sm8sync sync` starts: exit 0, says when it tries again, nothing lost, the next day does it all once', async () => {
    assertBuilt();
    // Long enough for a CLI process to start and reach its first read well inside one day.
    const DAY_MS = 45_000;
    sims = await startSims({ servicem8: { rateLimits: 'real', limits: { perMinute: 1_000_000, perDay: 400, dayMs: DAY_MS } } });
    const dataDir = tempDir();
    const env = sideEnv({ servicem8: sims.servicem8.url, stripe: sims.stripe.url }, dataDir);
    addClients(sims, 3, 'Early');
    const first = await runCli(['sync'], env);
    expect(first.code, first.stderr).toBe(0);
    // New on both sides since: ServiceM8 clients for Stripe, a Stripe customer for ServiceM8.
    const fresh = addClients(sims, 5, 'Spent');
    await sims.stripeApi.customers.create({ name: 'Spent Stripe Customer', email: 'spent.stripe@example.com.au' });
    const before = Store.open(dataDir);
    const cursors = before.cursors.all();
    const links = before.links.count('client');
    before.close();

    await spendTheDay(sims.servicem8.url);
    const startedAt = Date.now();
    const paused = await runCli(['sync'], env);
    const endedAt = Date.now();
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stderr).toBe('');
    const store = Store.open(dataDir);
    const pause = pauseOf(store.runs.latest());
    expect(pause?.reason).toMatch(/per day exceeded/);
    // An hour after the refusal, which came during the CLI call.
    expect(Date.parse(pause!.until)).toBeGreaterThanOrEqual(startedAt + 3_600_000);
    expect(Date.parse(pause!.until)).toBeLessThanOrEqual(endedAt + 3_600_000);
    // Nothing moved past what was not read: no cursor, no link, no write waiting or made.
    expect(store.cursors.all()).toEqual(cursors);
    expect(store.links.count('client')).toBe(links);
    expect(store.outbox.countByState()).toMatchObject({ pending: 0, sent: 0, failed: 0 });
    store.close();
    const sentences = [sentenceFor(pause!.until, startedAt), sentenceFor(pause!.until, endedAt)];
    expect(sentences).toContain(paused.stdout.trim().split('\n').at(-1));
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { state: string; headline: string; lastError: unknown };
    expect(status.state).toBe('paused');
    expect(sentences.concat(sentenceFor(pause!.until, Date.now()))).toContain(status.headline);
    expect(status.lastError).toBeNull();
    // `sync --json` keeps the contract's shape: a completed cycle, no field added.
    await spendTheDay(sims.servicem8.url);
    const json = await runCli(['sync', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['dryRun', 'entities', 'error', 'finishedAt', 'plan', 'runId', 'startedAt', 'state']);
    expect(result).toMatchObject({ state: 'completed', error: null });

    // The next day: everything is carried out, once, and the sentence is gone.
    nextDay(sims, DAY_MS);
    const next = await runCli(['sync'], env);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).not.toContain(WORDS);
    const after = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { state: string; headline: string };
    expect(after.headline).not.toContain('daily request limit');
    expect(after.state).not.toBe('paused');
    const customers = await allCustomers(sims.stripeApi);
    for (const n of fresh.keys()) expect(customers.filter((c) => c.name === `Spent Client ${n}`)).toHaveLength(1);
    expect(companiesNamed(sims, 'Spent Stripe Customer')).toEqual(['Spent Stripe Customer']);
    const again = await runCli(['sync', '--json'], env);
    expect((JSON.parse(again.stdout) as { plan: unknown[] }).plan).toEqual([]);
  }, 150_000);

  it('running out mid-pull: the cycle pauses before any cursor moves, and the next day syncs everything once', async () => {
    const DAY_MS = 20_000;
    sims = await startSims({ servicem8: { rateLimits: 'real', limits: { perMinute: 1_000_000, perDay: 400, dayMs: DAY_MS } } });
    const s = sims;
    const time = { offset: 0 };
    const refusals = { armed: false, seen: 0 };
    const world = buildEngine(s, {
      dataDir: tempDir(),
      allPairs: true,
      clock: () => new Date(Date.now() + time.offset),
      // The companies are read; then the day runs out before the contacts are.
      servicem8Hooks: {
        pullContacts: async (real, cursor, signal) => {
          if (refusals.armed) {
            refusals.seen += 1;
            await spendTheDay(s.servicem8.url);
          }
          return real(cursor, signal);
        },
      },
    });
    addClients(s, 3, 'Early');
    expect((await world.sync()).state).toBe('completed');
    const fresh = addClients(s, 6, 'Midpull');
    await s.stripeApi.customers.create({ name: 'Midpull Stripe Customer', email: 'midpull.stripe@example.com.au' });
    const cursors = world.store.cursors.all();
    const links = world.store.links.count('client');

    refusals.armed = true;
    const paused = await world.sync();
    refusals.armed = false;
    expect(refusals.seen).toBe(1);
    expect(paused.state).toBe('completed');
    expect(paused.error).toBeNull();
    const pause = pauseOf(world.store.runs.latest());
    expect(pause?.reason).toMatch(/per day exceeded/);
    // The companies were read but not kept: the cursors (the clients' and the Stripe events') have not moved, nothing was planned.
    expect(world.store.cursors.all()).toEqual(cursors);
    expect(world.store.links.count('client')).toBe(links);
    expect(world.store.outbox.countByState()).toMatchObject({ pending: 0, sent: 0, failed: 0 });
    expect(world.store.runs.lastCompleted()?.id).toBeLessThan(paused.runId);
    // Status: not "In sync" (changes are unread) and not failing: when syncing tries again.
    const status = (now: Date) =>
      buildStatus(world.store, world.engine, {
        connected: { servicem8: true, stripe: true },
        settings: parseSettings({}),
        progress: null,
        nextSyncAt: null,
        now,
      });
    const now = new Date(Date.now() + time.offset);
    expect(status(now)).toMatchObject({ state: 'paused', headline: sentenceFor(pause!.until, now.getTime()), lastError: null });

    // The next day, for the simulator and for the app's clock: everything once.
    nextDay(sims, DAY_MS);
    time.offset = 61 * 60_000;
    const next = await world.sync();
    expect(next.state).toBe('completed');
    expect(pauseOf(world.store.runs.latest())).toBeNull();
    expect(world.store.runs.lastCompleted()?.id).toBe(next.runId);
    expect(status(new Date(Date.now() + time.offset)).headline).not.toContain('daily request limit');
    expect(world.store.links.count('client')).toBe(links + fresh.length + 1);
    const customers = await allCustomers(s.stripeApi);
    for (const n of fresh.keys()) expect(customers.filter((c) => c.name === `Midpull Client ${n}`)).toHaveLength(1);
    expect(companiesNamed(s, 'Midpull Stripe Customer')).toEqual(['Midpull Stripe Customer']);
    expect((await world.sync()).plan).toEqual([]);
    world.store.close();
  }, 90_000);
});
