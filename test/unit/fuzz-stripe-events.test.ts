// Random walks of Stripe's events list with malformed events among good ones (the API
// docs' event, then its fields set to wrong types, hostile text, huge or fractional
// timestamps, removed, or the whole event not an object): reading the walk never throws,
// every good event comes out once and in order, every bad one is set aside with what can
// be read of it and a reason, and the cursor is the newest event id the walk listed. The
// engine's feed view then sends a rescan to exactly the readers a bad event may concern,
// and the quarantine words for it hold no id, field name or event type.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEventQuarantineView } from '../../src/main/core/app/event-quarantine-view';
import { PairLookup } from '../../src/main/core/app/pair-lookup';
import { readEventPage } from '../../src/main/core/connectors/stripe/event-page';
import { eventRecord } from '../../src/main/core/connectors/stripe/schemas';
import { Store } from '../../src/main/core/store/store';
import { CycleFeeds, type ChangeFeed, type FeedBatch } from '../../src/main/core/sync/engine/change-feed';
import { PAIR_DEFINITIONS } from '../../src/main/core/sync/pair-catalogue';
import fixtures from '../fixtures/stripe-fixtures.json';
import { fuzzRuns } from '../helpers/fuzz';
import { anyFieldValue, hostileText } from '../helpers/fuzz-values';
import { useTempDirs } from '../helpers/temp-dir';

const RUNS = 200;
const SEED = 20261205;
const tempDir = useTempDirs();

const TYPES = ['customer.updated', 'invoice.paid', 'charge.succeeded', 'customer.tax_id.created', 'payout.paid'] as const;

function goodEvent(n: number, type: string): Record<string, unknown> {
  return {
    ...fixtures.event,
    id: `evt_${String(n).padStart(6, '0')}`,
    type,
    created: 1_764_115_200 + n,
    data: { object: { id: `obj_${n}`, object: type.split('.')[0], name: `Record ${n}` } },
  };
}

/** One way to break an event. */
const breakage = fc.oneof(
  fc.record({ set: fc.constantFrom('id', 'type', 'created', 'data', 'request'), value: anyFieldValue }),
  fc.record({ set: fc.constant('created'), value: fc.constantFrom(9e15, 1e300, -1, 1.5, 8_640_000_000_001, '1764115200') }),
  fc.record({
    set: fc.constant('data'),
    value: fc.oneof(
      fc.constant({}),
      anyFieldValue.map((object) => ({ object })),
    ),
  }),
  fc.record({ drop: fc.constantFrom('id', 'type', 'created', 'data', 'request') }),
  fc.record({ whole: fc.oneof(fc.constantFrom(null, 42, 'evt_1', [], true), hostileText) }),
);

function broken(event: Record<string, unknown>, how: { set?: string; value?: unknown; drop?: string; whole?: unknown }): unknown {
  if ('whole' in how) return how.whole;
  if (how.drop) {
    const copy = { ...event };
    delete copy[how.drop];
    return copy;
  }
  return { ...event, [how.set!]: how.value };
}

const walk = fc
  .array(fc.record({ type: fc.constantFrom(...TYPES), breaks: fc.option(breakage, { freq: 3 }) }), { minLength: 1, maxLength: 12 })
  .map((items) => items.map(({ type, breaks }, i) => (breaks ? broken(goodEvent(i, type), breaks) : goodEvent(i, type))));

const EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;
const idOf = (raw: unknown) => (raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined);

describe('fuzzing the Stripe events walk', () => {
  it('never throws; good events once and in order, bad ones set aside with a reason, the cursor past them all', () => {
    fc.assert(
      fc.property(walk, (raw) => {
        const page = readEventPage(raw);
        const good = raw.filter((r) => eventRecord.safeParse(r).success);
        expect(page.events.map((e) => e.id)).toEqual(good.map(idOf));
        expect(page.unread).toHaveLength(raw.length - good.length);
        for (const u of page.unread) {
          expect(u.reason).toMatch(/^Stripe event .* has an unexpected shape \(.+\)\.$/s);
          expect(u.reason.length).toBeLessThanOrEqual(320);
          expect(u.id).toMatch(/^evt_|^unreadable-event-[0-9a-f]{16}$/);
          expect(u.type === null || (TYPES as readonly string[]).includes(u.type)).toBe(true);
        }
        // The same walk read again sets the same events aside under the same ids: the quarantine does not grow.
        expect(readEventPage(raw).unread.map((u) => u.id)).toEqual(page.unread.map((u) => u.id));
        const listed = raw.map(idOf).filter((id): id is string => typeof id === 'string' && EVENT_ID.test(id));
        expect(page.newestId).toBe(listed.at(-1) ?? null);
      }),
      fuzzRuns(RUNS, SEED),
    );
  });

  it('sends a rescan to the readers a bad event may concern, and the good events to the others', async () => {
    const readers = {
      customers: ['customer.updated', 'customer.tax_id.created'],
      money: ['invoice.paid', 'charge.succeeded', 'payout.paid'],
    };
    const declared = [...readers.customers, ...readers.money];
    await fc.assert(
      fc.asyncProperty(walk, async (raw) => {
        const page = readEventPage(raw);
        const batch: FeedBatch = { events: page.events, cursor: page.newestId, needsFullRescan: false, unread: page.unread };
        const feed: ChangeFeed = { name: 'stripe.events', read: () => Promise.resolve(batch) };
        const feeds = new CycleFeeds(
          new Map([[feed.name, feed]]),
          new Map([[feed.name, declared]]),
          { get: () => null },
          new AbortController().signal,
        );
        for (const types of Object.values(readers)) {
          const seen = await feeds.read(feed.name, types);
          const concerned = page.unread.some((u) => u.type === null || types.includes(u.type));
          expect(seen.needsFullRescan).toBe(concerned);
          expect(seen.events).toEqual(concerned ? [] : page.events);
          expect(seen.cursor).toBe(page.newestId);
        }
        expect(await feeds.read(feed.name)).toBe(batch);
      }),
      fuzzRuns(RUNS, SEED),
    );
  });

  it('words each bad event for the office manager without ids, field names or event types', () => {
    const store = Store.open(tempDir());
    const pairs = new PairLookup(PAIR_DEFINITIONS);
    try {
      fc.assert(
        fc.property(walk, (raw) => {
          for (const u of readEventPage(raw).unread) {
            const record = store.quarantine.put({ side: 'stripe', object: 'event', recordId: u.id, reason: u.reason, raw: u.raw });
            const view = toEventQuarantineView(store, pairs, record, true);
            expect(view.link).toMatch(/^https:\/\/dashboard\.stripe\.com\/test\/events(\/evt_\w+)?$/);
            for (const words of [view.what, view.problem, view.fix]) {
              expect(words).toMatch(/[a-z]{3}/i);
              expect(words).not.toMatch(/\b[a-z]{2,5}_\w+|\b[a-z]+\.[a-z_]+\b|\b(data|request|created|type|object)\b|\n/);
            }
            // The name is the record's own (from the event's copy, so hostile text may be in it), never an id.
            expect(view.name).not.toMatch(/^(evt|obj|unreadable-event)[_-]/);
          }
        }),
        fuzzRuns(RUNS, SEED),
      );
    } finally {
      store.close();
    }
  });
});
