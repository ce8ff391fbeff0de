// A test loader standing in for the invoices and payments pairs (written in parallel):
// it reads both simulators through the app's own connectors and fills the typed money
// tables the way the pairs' contract describes (both sides, lines in integer cents,
// invoice dates by the rules, Stripe cross-references in job_uuid/job_number,
// whose invoice in client_id). It links nothing: matching is reconciliation's job.
import type { ServiceM8Client } from '../../src/main/core/connectors/servicem8';
import type { StripeConnector } from '../../src/main/core/connectors/stripe';
import { invoiceTotals, percentToBasisPoints, type TaxedLine } from '../../src/main/core/money';
import { serviceM8InvoiceAt, stripeInvoiceAt } from '../../src/main/core/money/business-day';
import { stripeInvoiceRefs } from '../../src/main/core/reports/reconciliation';
import type { InvoiceLineInput } from '../../src/main/core/store/repositories/invoices-repository';
import type { Store } from '../../src/main/core/store/store';

const lineRows = (lines: TaxedLine[]): InvoiceLineInput[] =>
  invoiceTotals(lines).lines.map((l) => ({
    quantity: '1',
    amountCents: l.amountCents,
    taxInclusive: l.taxInclusive,
    rateBp: l.rateBp,
    gstCents: l.gstCents,
    exCents: l.exCents,
    incCents: l.incCents,
  }));

export async function loadServiceM8(store: Store, client: ServiceM8Client, zone: string, jobUuids: ReadonlySet<string>): Promise<void> {
  const [jobs, materials, payments, rates, companies] = await Promise.all([
    client.list('job'),
    client.list('jobmaterial'),
    client.list('jobpayment'),
    client.list('taxrate'),
    client.list('company'),
  ]);
  const rateOf = new Map(rates.records.map((r) => [r.uuid, percentToBasisPoints(r.ratePercent)]));
  const companyOf = new Map(companies.records.map((c) => [c.uuid, c]));
  for (const job of jobs.records) {
    if (!jobUuids.has(job.uuid)) continue;
    const lines: TaxedLine[] = materials.records
      .filter((m) => m.jobUuid === job.uuid && m.active)
      .map((m) => ({
        amountCents: m.displayedAmountCents,
        taxInclusive: m.displayedAmountIsTaxInclusive,
        rateBp: rateOf.get(m.taxRateUuid ?? '')!,
      }));
    const totals = invoiceTotals(lines);
    // The loader's reading of a line must add up to ServiceM8's own total, or the test proves nothing.
    if (totals.incCents !== job.totalInvoiceAmountCents)
      throw new Error(`job ${job.jobNumber}: lines add up to ${totals.incCents}, ServiceM8 says ${job.totalInvoiceAmountCents}`);
    const paid = payments.records.filter((p) => p.jobUuid === job.uuid && p.active);
    const company = job.companyUuid ? companyOf.get(job.companyUuid) : undefined;
    store.invoices.upsert(
      {
        side: 'servicem8',
        externalId: job.uuid,
        jobUuid: job.uuid,
        jobNumber: job.jobNumber,
        clientName: company?.name || null,
        clientAbn: company?.abnNumber || null,
        clientId: job.companyUuid || null,
        status: job.invoiceSent || job.status === 'Completed' ? (job.paymentReceived ? 'paid' : 'open') : 'draft',
        totalIncCents: totals.incCents,
        totalExCents: totals.exCents,
        gstCents: totals.gstCents,
        amountPaidCents: paid.reduce((sum, p) => sum + p.amountCents, 0),
        invoiceAt: serviceM8InvoiceAt({ invoiceSentAt: job.invoiceSentAt, completedAt: job.completionDate })!,
        lines: lineRows(lines),
      },
      zone,
    );
    for (const p of paid)
      store.payments.upsert(
        {
          side: 'servicem8',
          externalId: p.uuid,
          kind: 'payment',
          status: 'succeeded',
          invoiceExternalId: job.uuid,
          amountCents: p.amountCents,
          method: p.method,
          servicem8Pay: p.method === 'ServiceM8 Pay',
          paidAt: p.timestamp!,
        },
        zone,
      );
  }
}

export async function loadStripe(store: Store, stripe: StripeConnector, zone: string): Promise<void> {
  const rates = new Map((await stripe.listTaxRates()).map((r) => [r.id, r.percentage]));
  for (const invoice of await stripe.listInvoices()) {
    const customer = invoice.customerId ? await stripe.getCustomer(invoice.customerId) : null;
    const lines: TaxedLine[] = invoice.lines.map((l) => ({
      amountCents: l.amountCents,
      taxInclusive: l.taxBehavior === 'inclusive',
      rateBp: percentToBasisPoints(String(rates.get(l.taxRateId ?? '') ?? 0)),
    }));
    const refs = stripeInvoiceRefs(invoice);
    store.invoices.upsert(
      {
        side: 'stripe',
        externalId: invoice.id,
        jobUuid: refs.jobUuidRef,
        jobNumber: refs.jobNumberRef,
        invoiceNumber: invoice.number,
        clientName: customer?.name || null,
        clientId: invoice.customerId,
        status: invoice.status ?? 'draft',
        totalIncCents: invoice.totalCents,
        totalExCents: invoice.totalCents - invoice.taxCents,
        gstCents: invoice.taxCents,
        amountPaidCents: invoice.amountPaidCents,
        invoiceAt: stripeInvoiceAt({ effectiveAt: invoice.effectiveAt, finalizedAt: invoice.finalizedAt, created: invoice.createdAt }),
        // Stripe's own per-line GST, as it rounded it.
        lines: invoice.lines.map((l, i) => {
          const inclusive = lines[i]!.taxInclusive;
          return {
            quantity: l.quantityDecimal ?? '1',
            amountCents: l.amountCents,
            taxInclusive: inclusive,
            rateBp: lines[i]!.rateBp,
            gstCents: l.taxCents,
            exCents: inclusive ? l.amountCents - l.taxCents : l.amountCents,
            incCents: inclusive ? l.amountCents : l.amountCents + l.taxCents,
          };
        }),
      },
      zone,
    );
    if (invoice.status === 'paid' && invoice.paidAt)
      store.payments.upsert(
        {
          side: 'stripe',
          externalId: `paid_${invoice.id}`,
          kind: 'payment',
          status: 'succeeded',
          invoiceExternalId: invoice.id,
          amountCents: invoice.amountPaidCents,
          paidAt: invoice.paidAt,
        },
        zone,
      );
  }
}
