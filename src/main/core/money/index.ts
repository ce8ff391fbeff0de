// The app's money arithmetic: integer cents, exact decimals, GST per line and per
// invoice, and the rounding check the GST report relies on.
export { formatCents, formatDollars, toCents } from '../util/money';
export { MoneyFormatError, MoneyPrecisionError, parseCents, parseDecimal } from './decimal';
export { GST_BP, GST_FREE_BP, percentToBasisPoints, type BasisPoints } from './tax-rate';
export {
  exactLineGst,
  lineAmountCents,
  lineGst,
  roundCents,
  serviceM8LineAmountCents,
  type LineGst,
  type RoundingProfile,
  type TaxedLine,
} from './line';
export { invoiceTotals, type InvoiceTotals } from './invoice-totals';
export {
  classifyGstDifference,
  isLegalGst,
  legalGstRanges,
  roundingMethodOf,
  type GstDifferenceKind,
  type GstRange,
  type RoundingMethod,
} from './rounding';
export { rational, type Rational } from './rational';
