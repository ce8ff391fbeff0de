// Invoices: each pair compared (totals to the cent, GST beyond what the two legal
// rounding methods allow, paid state, the month each side files it in), and each
// unpaired invoice reported as missing on the other side, unless nothing is due there
// (a draft, a void or zero invoice, a job paid with ServiceM8 Pay, a write on its way)
// or it is a second invoice for a job that already has one (a duplicate).
import { classifyGstDifference } from '../../money';
import { localDateFormatter } from '../../money/business-day';
import type { FactLine, InvoiceFacts, LinkedRow } from '../../store/repositories/reconciliation-repository';
import type { UnlinkedPairing } from './invoice-pairs';
import type { FindingDraft } from './types';
import { invoiceTitle, jobWords, money, stripeWords } from './words';

export interface InvoiceLookups {
  byIds(side: 'servicem8' | 'stripe', ids: readonly string[]): InvoiceFacts[];
  jobsByNumbers(numbers: readonly string[]): InvoiceFacts[];
  /** The Stripe invoice a job is linked to. */
  linkedInvoiceOf(jobUuid: string): string | null;
}

export interface InvoiceCheckInput {
  /** The links of entity 'invoice' with both rows, streamed: every one that may give a finding (pairs that agree in full may be left out). */
  linked: Iterable<LinkedRow<InvoiceFacts>>;
  /** Rows no link names, paired by their own cross-references. */
  pairing: UnlinkedPairing;
  lookups: InvoiceLookups;
  zone: string;
  /** Jobs with a ServiceM8 Pay payment: their card payment is in Stripe without a Stripe invoice. */
  servicem8PayJobs: Set<string>;
  /** Jobs the office manager chose not to bill in Stripe (Invoices → Skip): no Stripe invoice is what they asked for. */
  skippedJobs: ReadonlySet<string>;
  /** Subjects with a write waiting in the outbox. */
  busy: Set<string>;
  /** Open duplicate questions of entity invoice, by `side:id`. */
  questions: Set<string>;
  /**
   * Jobs whose Stripe invoice was deleted in Stripe that a person left without one, or is being asked
   * about (sync/invoices/plan-deleted.ts): their answer, or the question, stands for the broken link.
   */
  deletedDecided: ReadonlySet<string>;
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
  const out: FindingDraft[] = [];
  const finding = (draft: Omit<FindingDraft, 'entity' | 'needsPerson'>, needsPerson = true) =>
    out.push({ ...draft, entity: 'invoice', needsPerson });
  const busy = (...ids: (string | null)[]) => ids.some((id) => id !== null && input.busy.has(id));
  const localDate = localDateFormatter(input.zone);
  const day = (row: InvoiceFacts) => localDate(row.invoiceAt);
  const broken = (b: { servicem8Id: string | null; stripeId: string | null; row: InvoiceFacts | null; why: string }) =>
    finding({
      kind: 'broken_link',
      servicem8Id: b.servicem8Id,
      stripeId: b.stripeId,
      title: b.row
        ? invoiceTitle(b.row.side === 'servicem8' ? b.row : null, b.row.side === 'stripe' ? b.row : null)
        : `Job ${b.servicem8Id}`,
      detail: `The link between the ServiceM8 job and the Stripe invoice points at nothing: ${b.why}.`,
    });

  const gstToCheck: { servicem8: InvoiceFacts; stripe: InvoiceFacts }[] = [];
  const compare = (a: InvoiceFacts, b: InvoiceFacts) => {
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
      return;
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
    // Same instant (the pairs write effective_at from the job): same day, nothing to format.
    if (!notIssued(b) && a.invoiceAt !== b.invoiceAt && day(a).slice(0, 7) !== day(b).slice(0, 7)) {
      finding({
        kind: 'field_mismatch',
        ...ids,
        detail: `The invoice dates fall in different months: ServiceM8 dates the job ${day(a)}, Stripe dates the invoice ${day(b)}, so each side reports the sale in a different BAS month.`,
      });
    }
  };

  for (const link of input.linked) {
    if (link.state === 'archived') continue;
    if (link.state === 'broken' && input.deletedDecided.has(link.servicem8Id)) continue;
    const { servicem8: a, stripe: b } = link;
    if (a && b) compare(a, b);
    else
      broken({
        servicem8Id: link.servicem8Id,
        stripeId: link.stripeId,
        row: a ?? b,
        why:
          !a && !b
            ? 'neither record is known any more'
            : !a
              ? 'the ServiceM8 job is not known any more'
              : 'the Stripe invoice is not known any more',
      });
  }
  const { pairing } = input;
  pairing.broken.forEach(broken);
  for (const pair of pairing.pairs) compare(pair.servicem8, pair.stripe);

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
  const refs = pairing.unpairedStripe.filter((row) => !notIssued(row));
  const jobs = new Map(
    input.lookups
      .byIds(
        'servicem8',
        refs.map((r) => r.jobUuid).filter((id): id is string => id !== null),
      )
      .map((j) => [j.externalId, j]),
  );
  const jobByNumber = new Map(
    input.lookups.jobsByNumbers(refs.map((r) => r.jobNumber).filter((n): n is string => n !== null)).map((j) => [j.jobNumber!, j]),
  );
  const unlinkedPartner = new Map(pairing.pairs.map((p) => [p.servicem8.externalId, p.stripe]));
  const partnerOf = (jobUuid: string): InvoiceFacts | undefined => {
    const paired = unlinkedPartner.get(jobUuid);
    if (paired) return paired;
    const id = input.lookups.linkedInvoiceOf(jobUuid);
    return id ? (input.lookups.byIds('stripe', [id])[0] ?? undefined) : undefined;
  };
  for (const row of pairing.unpairedStripe) {
    if (notIssued(row) || busy(row.externalId)) continue;
    const named = (row.jobUuid ? jobs.get(row.jobUuid) : undefined) ?? (row.jobNumber ? jobByNumber.get(row.jobNumber) : undefined);
    const existing = named ? partnerOf(named.externalId) : undefined;
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
    if (
      notIssued(row) ||
      row.totalIncCents === 0 ||
      busy(row.externalId) ||
      input.servicem8PayJobs.has(row.externalId) ||
      input.skippedJobs.has(row.externalId)
    )
      continue;
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
