// Why ServiceM8 or Stripe refused a write, in words an office manager can act on. The
// outbox keeps the API's own message (the log, support, and `sm8sync failures`, whose
// contract is the API's reason); the screens, the activity log and the invoice and
// payment lists show this instead: no request paths, HTTP codes, field names or ids.
// In shared/ because the window words `failures` reasons itself.
import { SIDE_LABEL } from './labels';

type Service = 'servicem8' | 'stripe';

/** Request lines, URLs and status codes: not for people. */
function stripJargon(message: string): string {
  return message
    .replace(/\b(GET|POST|PUT|PATCH|DELETE)\s+\/\S*/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\(\d{3}\)/g, '')
    .replace(/^(ServiceM8|Stripe)\s*\d*\s*:\s*/i, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([:;,.])/g, '$1')
    .trim();
}

const KNOWN: [RegExp, (service: string) => string][] = [
  [/no such customer/i, () => 'The Stripe customer no longer exists (it was deleted in Stripe).'],
  [/no such invoice/i, () => 'The Stripe invoice no longer exists (it was deleted in Stripe).'],
  [/no such (tax_?rate|tax rate)/i, () => 'The Stripe tax rate it uses no longer exists.'],
  [/no such (charge|payment_intent|payment intent|refund)/i, () => 'The Stripe payment no longer exists.'],
  [
    /already (been )?(finali[sz]ed|paid|voided)|is (finali[sz]ed|paid|void)\b|status (of )?['"]?(paid|void|open)/i,
    () => 'The Stripe invoice had already been finalized, paid or voided, so it could not be changed.',
  ],
  [
    /unreadable|unknown parameter|received unknown|invalid (object|array|hash)|is not a valid field/i,
    () => 'sm8sync sent something the service did not understand — a fault in sm8sync, not in your data. Please report it.',
  ],
  [/customer.*(deleted|is deleted)/i, () => 'The Stripe customer was deleted in Stripe.'],
  [/email/i, (s) => `${s} did not accept the email address.`],
  [/phone/i, (s) => `${s} did not accept the phone number.`],
  [/\babn\b|abn_number|tax[_ ]?id/i, (s) => `${s} did not accept the ABN.`],
  [/address|postcode|postal_code/i, (s) => `${s} did not accept the address.`],
  [/company_uuid|\bclient\b|\bcustomer\b/i, (s) => `${s} did not accept the client it was linked to.`],
  [/amount|total|negative|must be (at least|greater)/i, (s) => `${s} did not accept the amount.`],
  [
    /\b(not found|does not exist|no record|unknown (uuid|record))\b/i,
    (s) => `The record no longer exists in ${s} (it may have been deleted there).`,
  ],
];

function serviceName(target: Service | null, message: string): string {
  if (target) return SIDE_LABEL[target];
  if (/stripe/i.test(message)) return 'Stripe';
  if (/servicem8/i.test(message)) return 'ServiceM8';
  return 'The service';
}

/** Removes what only a developer reads: paths and codes (stripJargon), ids, field names and quoted values of them. */
function cleaned(message: string): string {
  return stripJargon(message.replace(/^(ServiceM8|Stripe)\s+(GET|POST|PUT|PATCH|DELETE)\s+\S+\s+failed\s*(\(\d{3}\))?\s*:\s*/i, ''))
    .replace(/\b(cus|in|ii|il|txr|ch|pi|re|cn|evt|prod|price|sub)_[A-Za-z0-9]+\b/g, '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '')
    .replace(/\b\w+\[[\w[\]]*\]/g, '')
    .replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, '')
    .replace(/\b[a-z]+(?:\.[a-z0-9_]+)+\b/g, '')
    .replace(/['"`]\s*['"`]/g, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([:;,.])/g, '$1')
    .replace(/[:;,]\s*$/, '')
    .trim();
}

/** "Stripe POST /v1/customers failed (400): Invalid email address: x" → "Stripe did not accept the email address." */
export function refusedWords(message: string | null, target: Service | null = null): string {
  const service = serviceName(target, message ?? '');
  if (!message?.trim()) return `${service} refused this change and gave no reason.`;
  for (const [pattern, words] of KNOWN) if (pattern.test(message)) return words(service);
  const plain = cleaned(message);
  if (plain.length < 4) return `${service} refused this change.`;
  return `${service} refused this change: ${plain.charAt(0).toLowerCase()}${plain.slice(1)}${/[.!?]$/.test(plain) ? '' : '.'}`;
}
