// Tax rates in basis points (1 bp = 0.01 %): GST is 1000, GST-free 0. Whole basis
// points keep every rate an exact fraction of 10,000 and avoid floats in percentages.
import { MoneyPrecisionError, parseDecimal, significantDecimals } from './decimal';
import { MoneyFormatError } from '../util/money';

export type BasisPoints = number;

export const GST_BP: BasisPoints = 1000;
export const GST_FREE_BP: BasisPoints = 0;
const MAX_BP = 100_000; // 1,000 %: anything above is a data error, not a tax rate

/** "10" or "10.00" (percent) → 1000 bp. More than 2 decimals is refused. */
export function percentToBasisPoints(percent: string): BasisPoints {
  const value = parseDecimal(percent, 'tax rate');
  if (significantDecimals(percent) > 2) throw new MoneyPrecisionError(`tax rate ${JSON.stringify(percent)}% is finer than a basis point`);
  return checkBasisPoints(Number((value.n * 100n) / value.d));
}

export function checkBasisPoints(bp: number): BasisPoints {
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > MAX_BP) {
    throw new MoneyFormatError(`tax rate must be a whole number of basis points between 0 and ${MAX_BP}, got ${bp}`);
  }
  return bp;
}
