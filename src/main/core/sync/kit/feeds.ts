// Names of the shared change feeds pairs can declare (see engine/change-feed.ts).
export const STRIPE_EVENTS_FEED = 'stripe.events';
