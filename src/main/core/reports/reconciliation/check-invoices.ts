// Invoices: each pair compared (totals to the cent, GST beyond what the two legal
// rounding methods allow, paid state, the month each side files it in), and each
// unpaired invoice reported as missing on the other side, unless nothing is due there
// (a draft, a void or zero invoice, a job paid with ServiceM8 Pay, a write on its way)
// or it is a second invoice for a job that already has one (a duplicate).
import { classifyGstDifference } from '../../money';
import { localDateFormatter } from '../../money/business-day';
import type { FactLine, InvoiceFacts } from '../../store/repositories/reconciliation-repository';
import type { InvoicePairing } from './invoice-pairs';
import type { FindingDraft } from './types';
import { invoiceTitle, jobWords, money, stripeWords } from './words';

export interface InvoiceCheckInput {
  pairing: InvoicePairing;
  zone: string;
  /** Jobs with a ServiceM8 Pay payment: their card payment is in Stripe without a Stripe invoice. */
  servicem8PayJobs: Set<string>;
  /** Subjects with a write waiting in the outbox. */
  busy: Set<string>;
  /** Open duplicate questions of entity invoice, by `side:id`. */
  questions: Set<string>;
  linesOf: (ids: readonly number[]) => Map<number, FactLine[]>;
}

type PaidState = 'paid' | 'part paid' | 'unpaid';
const paidState = (row: InvoiceFacts): PaidState =>
  row.status === 'paid' || (row.totalIncCents > 0 && row.amountPaidCents >= row.totalIncCents)
    ? 'paid'
    : row.amountPaidCents > 0
      ? 'part paid'
      : 'unpaid';
const notIssued = (row: InvoiceFacts) => row.status === 'draft' || row.status === 'void';

export function checkInvoices(input: InvoiceCheckInput): FindingDraft[] {
  const { pairing } = input;
  const out: FindingDraft[] = [];
  const finding = (draft: Omit<FindingDraft, 'entity' | 'needsPerson'>, needsPerson = true) =>
    out.push({ ...draft, entity: 'invoice', needsPerson });
  const busy = (...ids: (string | null)[]) => ids.some((id) => id !== null && input.busy.has(id));
  const localDate = localDateFormatter(input.zone);
  const day = (row: InvoiceFacts) => localDate(row.invoiceAt);
  const month = (row: InvoiceFacts) => day(row).slice(0, 7);

  for (const broken of pairing.broken) {
    finding({
      kind: 'broken_link',
      servicem8Id: broken.servicem8Id,
      stripeId: broken.stripeId,
      title: broken.row
        ? invoiceTitle(broken.row.side === 'servicem8' ? broken.row : null, broken.row.side === 'stripe' ? broken.row : null)
        : `Job ${broken.servicem8Id}`,
      detail: `The link between ServiceM8 job ${broken.servicem8Id} and Stripe invoice ${broken.stripeId} points at nothing: ${broken.why}.`,
    });
  }

  const gstToCheck: { servicem8: InvoiceFacts; stripe: InvoiceFacts }[] = [];
  for (const { servicem8: a, stripe: b } of pairing.pairs) {
    const ids = { servicem8Id: a.externalId, stripeId: b.externalId, title: invoiceTitle(a, b) };
    const waiting = busy(a.externalId, b.externalId);
    if (a.status === 'void' || b.status === 'void') {
      if (a.status !== b.status)
        finding(
          {
            kind: a.status === 'void' ? 'missing_in_servicem8' : 'missing_in_stripe',
            ...ids,
            detail: `${a.status === 'void' ? jobWords(a) : stripeWords(b)} is void, but ${a.status === 'void' ? stripeWords(b) : jobWords(a)} (${money(a.status === 'void' ? b.totalIncCents : a.totalIncCents)}) still counts as a sale.`,
          },
          !waiting,
        );
      continue;
    }
    if (a.totalIncCents !== b.totalIncCents) {
      const difference = b.totalIncCents - a.totalIncCents;
      finding(
        {
          kind: 'total_mismatch',
          ...ids,
          detail: `The totals differ by ${money(Math.abs(difference))}: ${jobWords(a)} has ${money(a.totalIncCents)} and ${stripeWords(b)} ${money(b.totalIncCents)}, GST included.`,
        },
        !waiting,
      );
    } else if (a.gstCents !== b.gstCents) {
      gstToCheck.push({ servicem8: a, stripe: b });
    }
    const paid = [paidState(a), paidState(b)];
    if (paid[0] !== paid[1] && !notIssued(b)) {
      finding(
        {
          kind: 'payment_status_mismatch',
          ...ids,
          detail: `ServiceM8 has the job ${paid[0]} (${money(a.amountPaidCents)} received) but Stripe has the invoice ${paid[1]} (${money(b.amountPaidCents)} received).`,
        },
        !waiting,
      );
    }
    if (!notIssued(b) && month(a) !== month(b)) {
      finding({
        kind: 'field_mismatch',
        ...ids,
        detail: `The invoice dates fall in different months: ServiceM8 dates the job ${day(a)}, Stripe dates the invoice ${day(b)}, so each side reports the sale in a different BAS month.`,
      });
    }
  }

  // Lines only for the few pairs whose GST differs: the rest never leave SQLite.
  const lines = input.linesOf(gstToCheck.flatMap((p) => [p.servicem8.id, p.stripe.id]));
  for (const { servicem8: a, stripe: b } of gstToCheck) {
    const lineSets = [lines.get(a.id) ?? [], lines.get(b.id) ?? []].filter((set) => set.length > 0);
    const verdict = classifyGstDifference({ gstA: a.gstCents, gstB: b.gstCents, lineSets });
    if (verdict.kind !== 'real') continue;
    finding(
      {
        kind: 'gst_mismatch',
        servicem8Id: a.externalId,
        stripeId: b.externalId,
        title: invoiceTitle(a, b),
        detail: `The totals agree but GST differs by ${money(Math.abs(verdict.differenceCents))} (ServiceM8 ${money(a.gstCents)}, Stripe ${money(b.gstCents)}), more than rounding can explain: check each line's tax rate.`,
      },
      !busy(a.externalId, b.externalId),
    );
  }

  // Unpaired: a second invoice for a job that has one is a duplicate, never "missing".
  const jobByNumber = new Map<string, InvoiceFacts>();
  for (const job of pairing.servicem8.values()) if (job.jobNumber) jobByNumber.set(job.jobNumber, job);
  const partnerOf = new Map(pairing.pairs.map((p) => [p.servicem8.externalId, p.stripe]));
  for (const row of pairing.unpairedStripe) {
    if (notIssued(row) || busy(row.externalId)) continue;
    const named =
      (row.jobUuid ? pairing.servicem8.get(row.jobUuid) : undefined) ?? (row.jobNumber ? jobByNumber.get(row.jobNumber) : undefined);
    const existing = named ? partnerOf.get(named.externalId) : undefined;
    if (input.questions.has(`stripe:${row.externalId}`) || (named && existing)) {
      finding({
        kind: 'duplicate',
        servicem8Id: named?.externalId ?? null,
        stripeId: row.externalId,
        title: invoiceTitle(named ?? null, row),
        detail:
          named && existing
            ? `${stripeWords(row)} (${money(row.totalIncCents)}) is for ${jobWords(named)}, which is already billed by ${stripeWords(existing)}: the job may be billed twice.`
            : `${stripeWords(row)} (${money(row.totalIncCents)}) could belong to more than one ServiceM8 job: the duplicate question says which.`,
      });
      continue;
    }
    finding({
      kind: 'missing_in_servicem8',
      servicem8Id: null,
      stripeId: row.externalId,
      title: invoiceTitle(null, row),
      detail: `${stripeWords(row)} (${money(row.totalIncCents)}, dated ${day(row)}) has no ServiceM8 job.`,
    });
  }
  for (const row of pairing.unpairedServicem8) {
    if (notIssued(row) || row.totalIncCents === 0 || busy(row.externalId) || input.servicem8PayJobs.has(row.externalId)) continue;
    const question = input.questions.has(`servicem8:${row.externalId}`);
    finding({
      kind: question ? 'duplicate' : 'missing_in_stripe',
      servicem8Id: row.externalId,
      stripeId: null,
      title: invoiceTitle(row, null),
      detail: question
        ? `${jobWords(row)} (${money(row.totalIncCents)}) matches more than one Stripe invoice: the duplicate question says which.`
        : `${jobWords(row)} (${money(row.totalIncCents)}, dated ${day(row)}) has no Stripe invoice.`,
    });
  }
  return out;
}
