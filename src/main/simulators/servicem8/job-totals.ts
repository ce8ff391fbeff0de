// Job money the server derives: a material's ex-tax `price` from what was entered,
// the job's `total_invoice_amount` from its active materials, and `payment_received`
// from its active payments.
//
// Assumption A10 (reference §10 leaves it open; switch `totalInvoiceAmount`):
// total_invoice_amount is tax-INCLUSIVE by default, the amount the customer pays. Lines
// are rounded to cents one by one (ex-tax amount to cents, then its tax to cents), then summed.
import { ONE, divScaled, format4, mulScaled, parseScaled, roundToCents } from './decimal';
import type { SimBehaviour } from './behaviour';
import type { SimulatorStore, WireRecord } from './store';

function taxFraction(store: SimulatorStore, taxRateUuid: unknown): bigint {
  const rate = typeof taxRateUuid === 'string' && taxRateUuid !== '' ? store.get('taxrate', taxRateUuid) : undefined;
  return rate ? divScaled(parseScaled(rate.amount), 100n * ONE) : 0n;
}

/**
 * Keeps price (unit ex-tax) and displayed_amount (unit as entered) consistent. When the
 * displayed amount is tax-inclusive the server re-derives price from it (reference §3;
 * assumption A20: price = displayed / (1 + rate) to 4 dp).
 */
export function derivePrices(store: SimulatorStore, record: WireRecord, body: Record<string, unknown>): void {
  const multiplier = ONE + taxFraction(store, record.tax_rate_uuid);
  const inclusive = record.displayed_amount_is_tax_inclusive === '1';
  const enteredDisplayed = body.displayed_amount !== undefined || body.price === undefined;
  if (enteredDisplayed) {
    const displayed = parseScaled(record.displayed_amount);
    record.price = format4(inclusive ? divScaled(displayed, multiplier) : displayed);
  } else {
    const price = parseScaled(record.price);
    record.displayed_amount = format4(inclusive ? mulScaled(price, multiplier) : price);
  }
}

/** A line's total in (scaled) whole cents: ex-tax and tax-inclusive. */
export function lineTotals(store: SimulatorStore, material: WireRecord): { exTax: bigint; incTax: bigint } {
  const quantity = parseScaled(material.quantity);
  if (material.displayed_amount_is_tax_inclusive === '1') {
    const incTax = roundToCents(mulScaled(quantity, parseScaled(material.displayed_amount)));
    const multiplier = ONE + taxFraction(store, material.tax_rate_uuid);
    return { incTax, exTax: roundToCents(divScaled(incTax, multiplier)) };
  }
  const exTax = roundToCents(mulScaled(quantity, parseScaled(material.price)));
  return { exTax, incTax: exTax + roundToCents(mulScaled(exTax, taxFraction(store, material.tax_rate_uuid))) };
}

/** The job's active lines, summed: what the customer owes (inc. tax) and the ex-tax amount. */
export function jobTotals(store: SimulatorStore, jobUuid: string): { exTax: bigint; incTax: bigint } {
  const sum = { exTax: 0n, incTax: 0n };
  for (const material of store.list('jobmaterial')) {
    if (material.job_uuid !== jobUuid || material.active !== 1) continue;
    const line = lineTotals(store, material);
    sum.exTax += line.exTax;
    sum.incTax += line.incTax;
  }
  return sum;
}

export function recomputeJobTotal(store: SimulatorStore, jobUuid: string, now: string, behaviour: SimBehaviour): void {
  const job = store.get('job', jobUuid);
  if (!job) return;
  const totals = jobTotals(store, jobUuid);
  const formatted = format4(behaviour.totalInvoiceAmount === 'inclusive' ? totals.incTax : totals.exTax);
  // Assumption A11: a derived change to the job is an edit of the job (edit_date moves).
  if (job.total_invoice_amount !== formatted) store.put('job', { ...job, total_invoice_amount: formatted, edit_date: now });
}

/** Assumption A12: full payment (active payments ≥ a non-zero amount owed, tax included) sets payment_received. */
export function recomputePaymentReceived(store: SimulatorStore, jobUuid: string, now: string): void {
  const job = store.get('job', jobUuid);
  if (!job) return;
  let paid = 0n;
  for (const payment of store.list('jobpayment')) {
    if (payment.job_uuid === jobUuid && payment.active === 1) paid += parseScaled(payment.amount);
  }
  const owed = jobTotals(store, jobUuid).incTax;
  const received = owed > 0n && paid >= owed ? 1 : 0;
  if (job.payment_received === received) return;
  store.put('job', {
    ...job,
    payment_received: received,
    payment_received_stamp: received === 1 ? now : (job.payment_received_stamp ?? ''),
    edit_date: now,
  });
}
