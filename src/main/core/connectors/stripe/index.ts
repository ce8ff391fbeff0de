// The Stripe connector's public surface (see README.md in this folder).
export { StripeConnector, type StripeConnectorOptions } from './stripe-connector';
export { StripeConnectorError, type StripeErrorKind } from './errors';
export { DEFAULT_STRIPE_BASE_URL, STRIPE_API_VERSION } from './client';
export type { CustomerInput } from './customers';
export type { InvoiceDraftInput, InvoiceDraftUpdate, InvoiceLineInput } from './invoices';
export type { EventsSince } from './events';
export type { GstRates } from './tax-rates';
export type {
  StripeChargeRecord,
  StripeCustomerRecord,
  StripeEventRecord,
  StripeInvoicePaymentRecord,
  StripeInvoiceRecord,
  StripeRefundRecord,
  StripeTaxIdRecord,
  StripeTaxRateRecord,
} from './schemas';
