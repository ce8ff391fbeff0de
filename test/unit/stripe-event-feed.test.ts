// The shared Stripe events feed asks Stripe to filter when it can (≤ 20 types) and filters
// itself past that, so a pair added later never makes the whole feed fail.
import { describe, expect, it } from 'vitest';
import { stripeEventFeed } from '../../src/main/core/sync/adapters/stripe-event-feed';
import type { UnreadEvent } from '../../src/main/core/connectors/stripe/event-page';
import type { StripeEventRecord } from '../../src/main/core/connectors/stripe/schemas';

function event(id: string, type: string): StripeEventRecord {
  return {
    id,
    type,
    createdAt: '2026-11-24T00:00:00.000Z',
    object: { id: `obj_${id}` },
    objectId: `obj_${id}`,
    previousAttributes: null,
    requestId: null,
    idempotencyKey: null,
  };
}

function fakeConnector(events: StripeEventRecord[], unread: UnreadEvent[] = []) {
  const asked: string[][] = [];
  return {
    asked,
    listEventsSince: (_cursor: string | null, types: string[] = []) => {
      asked.push(types);
      const kept = types.length ? events.filter((e) => types.includes(e.type)) : events;
      return Promise.resolve({
        events: kept,
        cursor: events.at(-1)?.id ?? null,
        needsFullRescan: false,
        ...(unread.length ? { unread } : {}),
      });
    },
  };
}

const unreadEvent = (id: string, type: string | null): UnreadEvent => ({ id, type, objectId: null, reason: 'bad', raw: { id } });

describe('stripe events feed', () => {
  const events = [event('evt_1', 'customer.updated'), event('evt_2', 'charge.succeeded'), event('evt_3', 'payout.paid')];

  it('passes up to 20 types to Stripe', async () => {
    const connector = fakeConnector(events);
    const batch = await stripeEventFeed(connector).read('evt_0', ['charge.succeeded'], new AbortController().signal);
    expect(connector.asked).toEqual([['charge.succeeded']]);
    expect(batch.events.map((e) => e.id)).toEqual(['evt_2']);
  });

  it('reads everything and keeps the declared types itself past 20, with the cursor of the whole walk', async () => {
    const connector = fakeConnector(events);
    const types = ['charge.succeeded', ...Array.from({ length: 20 }, (_, i) => `invoice.type_${i}`)];
    const batch = await stripeEventFeed(connector).read('evt_0', types, new AbortController().signal);
    expect(connector.asked).toEqual([[]]);
    expect(batch.events.map((e) => e.id)).toEqual(['evt_2']);
    expect(batch.cursor).toBe('evt_3');
  });

  it('past 20 types keeps the unreadable events a pair may need: of a declared type, or of a type that cannot be read', async () => {
    const unread = [unreadEvent('evt_4', 'charge.succeeded'), unreadEvent('evt_5', 'plan.created'), unreadEvent('evt_6', null)];
    const types = ['charge.succeeded', ...Array.from({ length: 20 }, (_, i) => `invoice.type_${i}`)];
    const batch = await stripeEventFeed(fakeConnector(events, unread)).read('evt_0', types, new AbortController().signal);
    expect(batch.unread?.map((u) => u.id)).toEqual(['evt_4', 'evt_6']);
    const none = await stripeEventFeed(fakeConnector(events, [unread[1]!])).read('evt_0', types, new AbortController().signal);
    expect(none.unread).toBeUndefined();
  });
});
