// Stripe's events list as the engine's shared change feed: one read per cycle with the
// union of the event types the pairs declare; the cursor is the newest event id seen.
// Stripe filters by at most 20 types per list: past that the feed reads every event and
// keeps the declared types itself (one walk, never a missed type).
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import type { ChangeFeed } from '../engine/change-feed';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';

export const STRIPE_MAX_EVENT_TYPES = 20;

export function stripeEventFeed(connector: Pick<StripeConnector, 'listEventsSince'>): ChangeFeed {
  return {
    name: STRIPE_EVENTS_FEED,
    async read(cursor, types) {
      const from = cursor === '' ? null : cursor;
      if (types.length <= STRIPE_MAX_EVENT_TYPES) return connector.listEventsSince(from, types);
      const wanted = new Set(types);
      const all = await connector.listEventsSince(from, []);
      return { ...all, events: all.events.filter((event) => wanted.has(event.type)) };
    },
  };
}
