// One invoice line: its amount from quantity × unit price, and its GST, rounded to
// the cent the way each side does it.
//
// Both sides round half away from zero (0.5 c → 1 c, -0.5 c → -1 c), per line:
//  - Stripe multiplies the exact unit amount (cents, up to 12 decimals) by the
//    quantity and rounds once; tax per line is amount × p/100 (exclusive) or
//    amount × p/(100 + p) (inclusive), rounded once.
//  - ServiceM8 keeps money at 4 decimals of a dollar (0.01 c): each product is first
//    rounded to 4 dp, then to the cent (the simulator's assumption A10). With GST at
//    10 % both ways give the same cents; they can differ for odd quantities or rates.
import { parseDecimal } from './decimal';
import { mul, rational, roundHalfAwayFromZero, toSafeNumber, type Rational } from './rational';
import { checkBasisPoints, type BasisPoints } from './tax-rate';

export type RoundingProfile = 'stripe' | 'servicem8';

export interface TaxedLine {
  /** What the line is entered as: GST-inclusive when taxInclusive, else GST-exclusive. */
  amountCents: number;
  rateBp: BasisPoints;
  taxInclusive: boolean;
}

export interface LineGst extends TaxedLine {
  gstCents: number;
  exCents: number;
  incCents: number;
}

/** Rounds cents to whole cents as the profile does (see the header). */
export function roundCents(cents: Rational, profile: RoundingProfile = 'stripe'): bigint {
  if (profile === 'stripe') return roundHalfAwayFromZero(cents);
  const hundredths = roundHalfAwayFromZero(mul(cents, rational(100n)));
  return roundHalfAwayFromZero(rational(hundredths, 100n));
}

function unitAsCents(unitCents: number | string): Rational {
  if (typeof unitCents === 'number') {
    if (!Number.isSafeInteger(unitCents)) throw new RangeError(`unit price in cents must be a whole number, got ${unitCents}`);
    return rational(BigInt(unitCents));
  }
  return parseDecimal(unitCents, 'unit price (cents)');
}

/** quantity ("2.5") × unit price in cents (1999 or "1999.5") → line cents. */
export function lineAmountCents(quantity: string, unitCents: number | string, profile: RoundingProfile = 'stripe'): number {
  return productCents(parseDecimal(quantity, 'quantity'), unitAsCents(unitCents), profile);
}

/** ServiceM8's own unit: quantity × a dollar amount such as "45.4545" (4 dp). */
export function serviceM8LineAmountCents(quantity: string, unitDollars: string): number {
  const unit = mul(parseDecimal(unitDollars, 'unit price'), rational(100n));
  return productCents(parseDecimal(quantity, 'quantity'), unit, 'servicem8');
}

function productCents(quantity: Rational, unitCents: Rational, profile: RoundingProfile): number {
  return toSafeNumber(roundCents(mul(quantity, unitCents), profile), 'line amount');
}

/** The GST denominator of a line: exact GST = amount × bp / denominator. */
export function gstDenominator(line: TaxedLine): number {
  const bp = checkBasisPoints(line.rateBp);
  return line.taxInclusive ? 10_000 + bp : 10_000;
}

/** The exact GST in cents: amount × bp/10,000 (exclusive) or amount × bp/(10,000 + bp) (inclusive). */
export function exactLineGst(line: TaxedLine): Rational {
  return rational(BigInt(line.amountCents) * BigInt(checkBasisPoints(line.rateBp)), BigInt(gstDenominator(line)));
}

/** n / d rounded half away from zero, in plain numbers (n·100 must be a safe integer). */
function roundQuotient(n: number, d: number): number {
  const magnitude = Math.abs(n);
  let quotient = Math.floor(magnitude / d);
  if ((magnitude - quotient * d) * 2 >= d) quotient += 1;
  return n < 0 && quotient !== 0 ? -quotient : quotient;
}

/**
 * GST of one line, rounded per line; ex and inc follow from it so ex + GST = inc exactly.
 * Plain integer arithmetic when it is exact (every real invoice), BigInt beyond that.
 */
export function lineGst(line: TaxedLine, profile: RoundingProfile = 'stripe'): LineGst {
  if (!Number.isSafeInteger(line.amountCents)) throw new RangeError(`line amount must be whole cents, got ${line.amountCents}`);
  const numerator = line.amountCents * checkBasisPoints(line.rateBp);
  const denominator = gstDenominator(line);
  let gstCents: number;
  if (!Number.isSafeInteger(numerator * 100)) gstCents = toSafeNumber(roundCents(exactLineGst(line), profile), 'line GST');
  else if (profile === 'stripe') gstCents = roundQuotient(numerator, denominator);
  else gstCents = roundQuotient(roundQuotient(numerator * 100, denominator), 100);
  const exCents = line.taxInclusive ? line.amountCents - gstCents : line.amountCents;
  const incCents = line.taxInclusive ? line.amountCents : line.amountCents + gstCents;
  return { amountCents: line.amountCents, rateBp: line.rateBp, taxInclusive: line.taxInclusive, gstCents, exCents, incCents };
}
