// Names of the shared change feeds pairs can declare (see engine/change-feed.ts).
export const STRIPE_EVENTS_FEED = 'stripe.events';
/** The quarantine's object name for a Stripe event the feed could not read. */
export const STRIPE_EVENT_OBJECT = 'event';
