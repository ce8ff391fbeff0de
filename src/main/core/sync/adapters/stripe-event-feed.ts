// Stripe's events list as the engine's shared change feed: one read per cycle with the
// union of the event types the pairs declare; the cursor is the newest event id seen.
// Stripe filters by at most 20 types per list: past that the feed reads every event and
// keeps the declared types itself (one walk, never a missed type). Events it cannot read
// come back apart, to be quarantined as Stripe `event`s (see engine/change-feed.ts).
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import type { ChangeFeed } from '../engine/change-feed';
import { STRIPE_EVENT_OBJECT, STRIPE_EVENTS_FEED } from '../kit/feeds';

export const STRIPE_MAX_EVENT_TYPES = 20;
/** Stripe keeps events 30 days: a quarantined one is let go after that. */
const STRIPE_KEEPS_EVENTS_DAYS = 30;

export function stripeEventFeed(connector: Pick<StripeConnector, 'listEventsSince'>): ChangeFeed {
  return {
    name: STRIPE_EVENTS_FEED,
    unread: { side: 'stripe', object: STRIPE_EVENT_OBJECT, keptDays: STRIPE_KEEPS_EVENTS_DAYS },
    async read(cursor, types) {
      const from = cursor === '' ? null : cursor;
      if (types.length <= STRIPE_MAX_EVENT_TYPES) return connector.listEventsSince(from, types);
      const wanted = new Set(types);
      const all = await connector.listEventsSince(from, []);
      // An unreadable event of a type no pair reads is none of ours; one whose type is unreadable may be.
      const unread = all.unread?.filter((u) => u.type === null || wanted.has(u.type));
      const events = all.events.filter((event) => wanted.has(event.type));
      return { events, cursor: all.cursor, needsFullRescan: all.needsFullRescan, ...(unread?.length ? { unread } : {}) };
    },
  };
}
