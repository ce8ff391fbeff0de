// Stripe's events list as the engine's shared change feed: one read per cycle with the
// union of the event types the pairs declare; the cursor is the newest event id seen.
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import type { ChangeFeed } from '../engine/change-feed';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';

export function stripeEventFeed(connector: StripeConnector): ChangeFeed {
  return {
    name: STRIPE_EVENTS_FEED,
    read: (cursor, types) => connector.listEventsSince(cursor === '' ? null : cursor, types),
  };
}
