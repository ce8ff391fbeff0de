// Quotes (jobs in Quote state) on the client's Stripe customer, for reference: the
// office manager sees in the Stripe Dashboard what is quoted but not yet won. Two
// metadata keys, newest first, one line an office manager reads as it is:
//   servicem8_quotes       "#1042 $1,234.50 3 Nov 2026; #1038 $880.00 28 Oct 2026; +4 older"
//   servicem8_quotes_count "6"
// The amount is ServiceM8's quote total (total_invoice_amount), the date the quote
// date (else the job date) in the business time zone. The list stops at whole entries
// within Stripe's 500-character value limit and says how many older ones it left out.
// No open quote left: both keys are removed. Written only when they differ from what
// the customer holds (the mirror the clients pair keeps from Stripe's events), so a
// second sync writes nothing; the clients pair's keys are never part of the write and
// Stripe merges metadata by key, so neither pair overwrites the other.
import { DateTime } from 'luxon';
import { formatCents } from '../../money';
import type { PairPlan } from '../engine/plan-types';
import { INVOICE_ENTITY, type Job } from './types';

export const QUOTE_META = { list: 'servicem8_quotes', count: 'servicem8_quotes_count' } as const;
const MAX_VALUE = 500;
const PRIORITY = 60;

/** $1,234.50: the dollars grouped by thousands, from integer cents (no float). */
export function dollarsGrouped(cents: number): string {
  const [whole, part] = formatCents(cents).split('.') as [string, string];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}$${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${part}`;
}

const quotedAt = (job: Job) => job.quoteDate ?? job.date ?? job.editDate;

/** The two metadata values for a client's open quotes ('' for both when there are none). */
export function quoteSummary(jobs: readonly Job[], zone: string): Record<string, string> {
  const quotes = jobs
    .filter((j) => j.active && j.status === 'Quote')
    .sort((a, b) => quotedAt(b).localeCompare(quotedAt(a)) || b.jobNumber.localeCompare(a.jobNumber, 'en', { numeric: true }));
  if (quotes.length === 0) return { [QUOTE_META.list]: '', [QUOTE_META.count]: '' };
  const entries = quotes.map((q) => {
    const day = DateTime.fromISO(quotedAt(q), { zone: 'utc' }).setZone(zone).setLocale('en-AU');
    return `#${q.jobNumber || q.uuid.slice(0, 8)} ${dollarsGrouped(q.totalInvoiceAmountCents)}${day.isValid ? ` ${day.toFormat('d LLL yyyy')}` : ''}`;
  });
  const older = (shown: number) => (entries.length > shown ? `; +${entries.length - shown} older` : '');
  const shown: string[] = [];
  for (const entry of entries) {
    if ([...shown, entry].join('; ').length + older(shown.length + 1).length > MAX_VALUE) break;
    shown.push(entry);
  }
  return { [QUOTE_META.list]: `${shown.join('; ')}${older(shown.length)}`, [QUOTE_META.count]: String(quotes.length) };
}

export interface QuoteClient {
  companyUuid: string;
  customerId: string;
  name: string | null;
  /** The customer's metadata as last seen (the clients pair's mirror); {} when not seen yet. */
  metadata: Record<string, string>;
}

export const quoteSubject = (companyUuid: string) => `quotes:${companyUuid}`;

/** One write per client whose quote keys differ from what its customer holds. */
export function planQuotes(
  clients: readonly QuoteClient[],
  jobsOf: (companyUuid: string) => readonly Job[],
  context: { zone: string; busy: Set<string> },
  plan: PairPlan,
): void {
  for (const client of clients) {
    const subject = quoteSubject(client.companyUuid);
    if (context.busy.has(subject)) {
      plan.deferred.servicem8.push(subject);
      continue;
    }
    const wanted = quoteSummary(jobsOf(client.companyUuid), context.zone);
    const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => (client.metadata[k] ?? '') !== v));
    if (Object.keys(patch).length === 0) continue;
    const quotes = Number(wanted[QUOTE_META.count] || 0);
    plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'stripe',
      operation: 'record_quotes',
      subjectId: subject,
      payload: { companyUuid: client.companyUuid, customerId: client.customerId, client: client.name, metadata: wanted, quotes },
      priority: PRIORITY,
      describe: { subject: `Quotes of ${client.name ?? client.companyUuid}`, fields: { quotes } },
    });
  }
}
