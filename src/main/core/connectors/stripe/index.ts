// The Stripe connector's public surface (see README.md in this folder).
export { StripeConnector, type StripeConnectorOptions } from './stripe-connector';
export { StripeConnectorError, type StripeErrorKind } from './errors';
export { DEFAULT_STRIPE_BASE_URL, STRIPE_API_VERSION } from './client';
export type { CustomerInput } from './customers';
export type { InvoiceDraftInput, InvoiceDraftUpdate } from './invoice-writes';
export type { InvoiceLineInput } from './invoice-lines';
export type { CreditNoteInput } from './invoice-actions';
export type { InvoiceListFilter } from './invoices';
export type { EventsSince } from './events';
export { GST_EXCLUSIVE, GST_INCLUSIVE, TAX_RATE_TAG, type GstRates, type TaxRateSpec } from './tax-rates';
export type {
  StripeBalanceTransactionRecord,
  StripeChargeRecord,
  StripeCreditNoteRecord,
  StripeDisputeRecord,
  StripePaymentIntentRecord,
  StripePayoutRecord,
  StripeCustomerRecord,
  StripeEventRecord,
  StripeInvoicePaymentRecord,
  StripeInvoiceRecord,
  StripeRefundRecord,
  StripeTaxIdRecord,
  StripeTaxRateRecord,
} from './schemas';
