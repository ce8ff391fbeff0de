// A Stripe event (a notice of a change) the sync could not read, as the office manager
// reads it in Needs you: what it was about, by the record's name when it can be read and
// by the pairs that read its kind of change otherwise, and that nothing is lost (those
// records were read again from Stripe). No ids, field names or event types in the words.
import type { QuarantineEntry } from '../../../shared/api';
import { field } from '../connectors/stripe/event-page';
import type { QuarantinedRecord } from '../store/repositories/quarantine-repository';
import type { Store } from '../store/store';
import type { PairDefinition } from '../sync/engine/pair-definition';
import { STRIPE_EVENT_OBJECT } from '../sync/kit/feeds';
import type { PairLookup } from './pair-lookup';

export const EVENT_OBJECT = STRIPE_EVENT_OBJECT;
const WHAT = 'Stripe change notice';

/** The part of the event that cannot be read, from the connector's reason ("… (created: …)"). */
const CAUSES: [RegExp, string][] = [
  [/^created\b/, 'its date is not a real date'],
  [/^type\b/, 'it does not say what kind of change it was'],
  [/^id\b/, 'it has no proper reference'],
  [/^data\b/, 'it does not say what changed'],
  [/^request\b/, 'it does not say who made the change'],
];

function causeOf(reason: string): string | null {
  const path = /unexpected shape \(([^:)]*)[:)]/.exec(reason)?.[1]?.trim() ?? '';
  for (const [pattern, words] of CAUSES) if (pattern.test(path)) return words;
  return path === '' || path === '(root)' ? 'it is not a notice sm8sync knows' : null;
}

/** The pairs that read this kind of change; all that read Stripe's changes when the kind cannot be read. */
function readersOf(pairs: PairLookup, type: unknown): PairDefinition[] {
  const readers = pairs.definitions.filter((d) => Object.keys(d.feeds ?? {}).length > 0);
  const named = typeof type === 'string' ? readers.filter((d) => Object.values(d.feeds ?? {}).some((types) => types.includes(type))) : [];
  return named.length > 0 ? named : readers;
}

/** A name a person knows the record by: not an id (a pair may fall back to one), and not a page of text. */
function personName(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  if (!trimmed || /^[a-z]{2,5}_[A-Za-z0-9]+$/.test(trimmed)) return null;
  const chars = [...trimmed];
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : trimmed;
}

/** The record's name from the event's copy of it, else from our mirror of it (when its id can be read). */
function nameOf(store: Store, pairs: PairLookup, readers: PairDefinition[], object: unknown): string | null {
  const id = field(object, 'id');
  for (const reader of readers) {
    const name =
      personName(reader.recordName?.('stripe', object)) ??
      (typeof id === 'string' ? personName(pairs.nameOf(store, reader.entity, 'stripe', id)) : null);
    if (name) return name;
  }
  return null;
}

function joined(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export function toEventQuarantineView(
  store: Store,
  pairs: PairLookup,
  record: QuarantinedRecord,
  stripeTestMode: boolean,
): QuarantineEntry {
  const readers = readersOf(pairs, field(record.raw, 'type'));
  const object = field(field(record.raw, 'data'), 'object');
  const named = nameOf(store, pairs, readers, object);
  const kinds = joined(readers.map((d) => d.labels.stripe));
  const cause = causeOf(record.reason);
  const dashboard = `https://dashboard.stripe.com/${stripeTestMode ? 'test/' : ''}events`;
  return {
    id: record.id,
    side: record.side,
    object: record.object,
    recordId: record.recordId,
    reason: record.reason,
    lastSeenAt: record.lastSeenAt,
    name: named ?? `A change in ${kinds || 'Stripe'}`,
    what: WHAT,
    problem: `Stripe sent a notice of a change that sm8sync cannot read${cause ? ` (${cause})` : ''}, so it was set aside.`,
    fix:
      `Nothing to correct: sm8sync read your ${kinds || 'Stripe records'} again from Stripe instead, so no change is lost. ` +
      'This note goes away by itself after 30 days, when Stripe deletes the notice; if notices like this keep appearing, tell sm8sync support.',
    link: record.recordId.startsWith('evt_') ? `${dashboard}/${encodeURIComponent(record.recordId)}` : dashboard,
    linkLabel: 'Open in the Stripe Dashboard',
    nothingToDo: true,
  };
}
