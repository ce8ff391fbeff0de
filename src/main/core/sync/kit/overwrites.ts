// The last window of a conditional update: someone edits the target after our re-read
// and before our write lands. Stripe's events show it afterwards: in one batch, an event
// not made by sm8sync sets a field, and a later event made by us (its idempotency key is
// ours) has that person's value as the field's previous value: we wrote over it. Events
// from before our plan are in an earlier batch, so a deliberate overwrite (a rule said
// ServiceM8 wins) is never reported.
import type { FeedEvent } from '../engine/change-feed';

export const OUR_KEY_PREFIX = 'sm8sync-';

export interface OverwrittenField {
  objectId: string;
  field: string;
  /** The value the other person set, which our write replaced. */
  theirs: unknown;
  /** What we wrote. */
  ours: unknown;
  at: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function findOverwrites(events: readonly FeedEvent[], fields: readonly string[], types: readonly string[]): OverwrittenField[] {
  const theirs = new Map<string, Map<string, unknown>>();
  const found: OverwrittenField[] = [];
  for (const event of events) {
    if (!types.includes(event.type) || !event.objectId) continue;
    const previous = (event.previousAttributes ?? null) as Record<string, unknown> | null;
    if (!previous) continue;
    const object = (event.object ?? {}) as Record<string, unknown>;
    const ours = typeof event.idempotencyKey === 'string' && event.idempotencyKey.startsWith(OUR_KEY_PREFIX);
    const seen = theirs.get(event.objectId) ?? new Map<string, unknown>();
    for (const field of fields) {
      if (!(field in previous)) continue;
      if (!ours) {
        seen.set(field, object[field] ?? null);
        continue;
      }
      if (seen.has(field) && same(previous[field], seen.get(field)) && !same(object[field], seen.get(field)))
        found.push({ objectId: event.objectId, field, theirs: seen.get(field), ours: object[field] ?? null, at: event.createdAt });
      seen.delete(field);
    }
    theirs.set(event.objectId, seen);
  }
  return found;
}
