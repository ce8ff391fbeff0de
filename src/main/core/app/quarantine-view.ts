// Quarantined records as a person reads them: the record's name (not a uuid), what is
// wrong and what to fix in words, and a link to open it where it can be fixed. The
// engine's reasons ("phone is not a valid number: \"123\"") are translated here.
import type { QuarantineEntry } from '../../../shared/api';
import { SIDE_LABEL } from '../../../shared/labels';
import type { Side } from '../store/repositories/mirror-repository';
import type { QuarantinedRecord } from '../store/repositories/quarantine-repository';
import type { Store } from '../store/store';
import { EVENT_OBJECT, toEventQuarantineView } from './event-quarantine-view';
import type { PairLookup } from './pair-lookup';
import { stripJargon } from './plain-error';

/** Stripe Dashboard paths per object (the test-mode dashboard lives under /test). */
const STRIPE_PATHS: Record<string, string> = {
  customer: 'customers',
  invoice: 'invoices',
  payment_intent: 'payments',
  charge: 'payments',
  credit_note: 'credit_notes',
};
export const SERVICEM8_WEB_APP = 'https://go.servicem8.com/';

const PROBLEMS: [RegExp, (value: string) => string][] = [
  [/^phone (is not a valid number|cannot be parsed): "(.*)"$/, (v) => `The phone number "${v}" is not a real phone number.`],
  [/^phone is not text/, () => 'The phone number is not written as text.'],
  [/^email is not an email address: "(.*)"$/, (v) => `The email "${v}" is not an email address.`],
  [/^email is not text/, () => 'The email is not written as text.'],
  [/^ABN checksum does not match: "(.*)"$/, (v) => `The ABN "${v}" is not a valid ABN (its check digits do not add up).`],
  [/^ABN must have 11 digits: "(.*)"$/, (v) => `The ABN "${v}" should have 11 digits.`],
  [/^ABN is not text/, () => 'The ABN is not written as text.'],
];

/** "phone is not a valid number: \"123\"" → "The phone number "123" is not a real phone number." */
export function problemWords(reason: string): string {
  for (const [pattern, words] of PROBLEMS) {
    const match = pattern.exec(reason);
    if (match) return words(match[match.length - 1] ?? '');
  }
  const plain = stripJargon(reason.replace(/^event \S+: /, ''));
  return plain ? `${plain.charAt(0).toUpperCase()}${plain.slice(1)}${/[.!?]$/.test(plain) ? '' : '.'}` : 'The record could not be read.';
}

function fixWords(side: Side, label: string): string {
  return side === 'servicem8'
    ? `Correct it on the ${label} in ServiceM8; the next sync picks it up.`
    : `Correct it on the ${label} in the Stripe Dashboard; the next sync picks it up.`;
}

export function linkFor(side: Side, object: string, id: string, stripeTestMode: boolean): { url: string; label: string } {
  if (side === 'servicem8') return { url: SERVICEM8_WEB_APP, label: 'Open ServiceM8' };
  const path = STRIPE_PATHS[object] ?? `${object}s`;
  return {
    url: `https://dashboard.stripe.com/${stripeTestMode ? 'test/' : ''}${path}/${encodeURIComponent(id)}`,
    label: 'Open in the Stripe Dashboard',
  };
}

function nameFromRaw(pairs: PairLookup, entity: string | null, side: Side, raw: unknown): string | null {
  const definition = entity ? pairs.get(entity) : null;
  if (!definition?.recordName || !raw || typeof raw !== 'object') return null;
  // A ServiceM8 client is kept as { company, contacts }; other records as they came.
  const inner = (raw as Record<string, unknown>)[definition.mirrors[side]] ?? raw;
  return definition.recordName(side, inner) ?? definition.recordName(side, raw);
}

export function toQuarantineView(store: Store, pairs: PairLookup, record: QuarantinedRecord, stripeTestMode: boolean): QuarantineEntry {
  if (record.side === 'stripe' && record.object === EVENT_OBJECT) return toEventQuarantineView(store, pairs, record, stripeTestMode);
  const definition = pairs.definitions.find((d) => d.mirrors[record.side] === record.object) ?? null;
  const entity = definition?.entity ?? null;
  const label = definition ? definition.labels[record.side].replace(/s$/, '') : `${SIDE_LABEL[record.side]} ${record.object}`;
  const name =
    (entity ? pairs.nameOf(store, entity, record.side, record.recordId) : null) ?? nameFromRaw(pairs, entity, record.side, record.raw);
  const link = linkFor(record.side, record.object, record.recordId, stripeTestMode);
  return {
    id: record.id,
    side: record.side,
    object: record.object,
    recordId: record.recordId,
    reason: record.reason,
    lastSeenAt: record.lastSeenAt,
    name: name ?? `A ${label} without a name`,
    what: label,
    problem: problemWords(record.reason),
    fix: fixWords(record.side, label),
    link: link.url,
    linkLabel: link.label,
  };
}
