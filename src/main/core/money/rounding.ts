// Is a GST difference between two computations of one invoice only rounding?
//
// Legal results (GST Act s9-90, ATO "line item" and "total invoice" approaches):
//  - per line: each line's GST rounded to the nearest cent, then summed;
//  - per invoice: the exact GST of the invoice rounded to the nearest cent.
// "Nearest" rounds half a cent up (the ATO's rule), so a tie has one legal result; for a
// credit (negative GST) either neighbour of a tie is accepted, as the rule is silent on it.
// A value is legal when one of the two methods can produce it. Two values that are
// both legal for the same lines differ by rounding; anything else is a real
// difference (a wrong rate, a missing line), however small. Integers strictly
// between the two methods' results are NOT legal: neither method can produce them.
//
// Cash basis reports a share of an invoice (paid ÷ total). A share's GST may be the
// share of any legal full GST, itself rounded to the cent (half a cent more).
import { invoiceTotals } from './invoice-totals';
import { exactLineGst, type TaxedLine } from './line';
import { add, compare, mul, rational, sub, toSafeNumber, ZERO, type Rational } from './rational';

export interface GstRange {
  lo: number;
  hi: number;
}

export type RoundingMethod = 'per_line' | 'per_invoice' | 'either' | 'neither';
export type GstDifferenceKind = 'none' | 'rounding' | 'real';

const HALF = rational(1n, 2n);
const ONE = rational(1n);

/** Smallest integer ≥ x. */
function ceil(x: Rational): bigint {
  const q = x.n / x.d;
  return x.n > 0n && x.n % x.d !== 0n ? q + 1n : q;
}

/** Largest integer ≤ x. */
function floor(x: Rational): bigint {
  const q = x.n / x.d;
  return x.n < 0n && x.n % x.d !== 0n ? q - 1n : q;
}

/** The legal cent values of exact GST g: the nearest, a half cent up; both neighbours of a negative tie. */
function legalRound(g: Rational): [bigint, bigint] {
  if (g.n >= 0n) {
    const nearest = floor(add(g, HALF));
    return [nearest, nearest];
  }
  return [ceil(sub(g, HALF)), floor(add(g, HALF))];
}

function integersWithin(a: Rational, b: Rational): GstRange {
  const [lo, hi] = compare(a, b) <= 0 ? [a, b] : [b, a];
  return { lo: toSafeNumber(ceil(lo), 'GST'), hi: toSafeNumber(floor(hi), 'GST') };
}

/** Integers a share of [lo, hi] can round to: the share of each end, half a cent either way. */
function shareOf(lo: Rational, hi: Rational, share: Rational): GstRange {
  const a = mul(lo, share);
  const b = mul(hi, share);
  const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
  return integersWithin(sub(low, HALF), add(high, HALF));
}

/** [per line, per invoice] ranges of legal GST cents for these lines (times a share). */
export function legalGstRanges(lines: readonly TaxedLine[], share: Rational = ONE): [GstRange, GstRange] {
  let lo = 0n;
  let hi = 0n;
  let exact = ZERO;
  for (const line of lines) {
    const gst = exactLineGst(line);
    const [low, high] = legalRound(gst);
    lo += low;
    hi += high;
    exact = add(exact, gst);
  }
  const [invoiceLow, invoiceHigh] = legalRound(exact);
  const perInvoice = { lo: toSafeNumber(invoiceLow, 'GST'), hi: toSafeNumber(invoiceHigh, 'GST') };
  if (share.n === share.d) return [{ lo: toSafeNumber(lo, 'GST'), hi: toSafeNumber(hi, 'GST') }, perInvoice];
  // A share may be taken of the rounded invoice GST or of the exact one: cover both.
  const invoiceLo = compare(exact, rational(BigInt(perInvoice.lo))) < 0 ? exact : rational(BigInt(perInvoice.lo));
  const invoiceHi = compare(exact, rational(BigInt(perInvoice.hi))) > 0 ? exact : rational(BigInt(perInvoice.hi));
  return [shareOf(rational(lo), rational(hi), share), shareOf(invoiceLo, invoiceHi, share)];
}

const contains = (range: GstRange, value: number) => value >= range.lo && value <= range.hi;

export function isLegalGst(gstCents: number, lines: readonly TaxedLine[], share?: Rational): boolean {
  return legalGstRanges(lines, share).some((range) => contains(range, gstCents));
}

/**
 * Which standard computation gives a side's GST (for the report's rounding columns):
 * per line or per invoice, each rounding half a cent away from zero.
 */
export function roundingMethodOf(gstCents: number, lines: readonly TaxedLine[]): RoundingMethod {
  const totals = invoiceTotals(lines);
  const line = totals.gstCents === gstCents;
  const invoice = totals.gstPerInvoiceCents === gstCents;
  return line && invoice ? 'either' : line ? 'per_line' : invoice ? 'per_invoice' : 'neither';
}

/**
 * Classifies gstB − gstA. `lineSets` are the lines each side holds for the invoice;
 * the difference is rounding when both values are legal for one of those sets.
 */
export function classifyGstDifference(input: {
  gstA: number;
  gstB: number;
  lineSets: readonly (readonly TaxedLine[])[];
  share?: Rational;
}): { kind: GstDifferenceKind; differenceCents: number } {
  const differenceCents = input.gstB - input.gstA;
  if (differenceCents === 0) return { kind: 'none', differenceCents };
  const explained = input.lineSets.some(
    (lines) => lines.length > 0 && isLegalGst(input.gstA, lines, input.share) && isLegalGst(input.gstB, lines, input.share),
  );
  return { kind: explained ? 'rounding' : 'real', differenceCents };
}
