// Invoice totals from lines. The GST Act (s9-90) lets a supplier either round each
// line's GST and add the cents ("per line", what Stripe and ServiceM8 do) or add the
// unrounded GST and round once ("per invoice"); both are computed here.
import { gstDenominator, lineGst, roundCents, type LineGst, type RoundingProfile, type TaxedLine } from './line';
import { add, rational, toSafeNumber, ZERO, type Rational } from './rational';

export interface InvoiceTotals {
  incCents: number;
  exCents: number;
  /** Σ per-line rounded GST: the per-line method. */
  gstCents: number;
  /** The unrounded GST of the whole invoice rounded once: the per-invoice method. */
  gstPerInvoiceCents: number;
  exactGst: Rational;
  lines: LineGst[];
}

export function invoiceTotals(lines: readonly TaxedLine[], profile: RoundingProfile = 'stripe'): InvoiceTotals {
  let incCents = 0;
  let exCents = 0;
  let gstCents = 0;
  // Unrounded GST numerators grouped by denominator (10,000 or 10,000 + bp): one exact
  // fraction per group, summed once, instead of a fraction per line.
  const numerators = new Map<number, bigint>();
  const taxed = lines.map((line) => lineGst(line, profile));
  for (const line of taxed) {
    incCents += line.incCents;
    exCents += line.exCents;
    gstCents += line.gstCents;
    const denominator = gstDenominator(line);
    numerators.set(denominator, (numerators.get(denominator) ?? 0n) + BigInt(line.amountCents) * BigInt(line.rateBp));
  }
  for (const [name, value] of [
    ['total', incCents],
    ['ex-GST total', exCents],
  ] as const) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`invoice ${name} is out of range`);
  }
  let exactGst = ZERO;
  for (const [denominator, numerator] of numerators) exactGst = add(exactGst, rational(numerator, BigInt(denominator)));
  return {
    incCents,
    exCents,
    gstCents,
    gstPerInvoiceCents: toSafeNumber(roundCents(exactGst, profile), 'invoice GST'),
    exactGst,
    lines: taxed,
  };
}
