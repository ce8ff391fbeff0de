// The one object the sync engine holds for Stripe: every operation it needs, each
// returning zod-validated canonical records and throwing StripeConnectorError.
import type { CallContext } from './call';
import { createStripeClient, type StripeClientOptions } from './client';
import * as customers from './customers';
import * as events from './events';
import * as invoices from './invoices';
import * as payments from './payments';
import type { StripeRetryOptions } from './retry';
import * as taxRates from './tax-rates';
import { safetyMargin, SlidingWindowLimiter } from '../../util/sliding-window-limiter';

/** One second plus the safety margin. */
const STRIPE_WINDOW_MS = 1000 + safetyMargin(1000, 20);

export interface StripeConnectorOptions extends StripeClientOptions {
  /** Our backoff for 429 / lock_timeout / transient errors (tests shorten it). */
  retry?: StripeRetryOptions;
  /** Our own request budget; default 20/s, under Stripe's 25/s test-mode limit. null = none. */
  maxRequestsPerSecond?: number | null;
}

export class StripeConnector {
  private readonly ctx: CallContext;

  constructor(options: StripeConnectorOptions) {
    const rate = options.maxRequestsPerSecond === undefined ? 20 : options.maxRequestsPerSecond;
    this.ctx = {
      stripe: createStripeClient(options),
      retry: options.retry ?? {},
      // The window is counted when we send, Stripe counts when requests arrive: a
      // slightly longer window (2 %, at least 20 ms: a second is short) absorbs jitter
      // that bunches arrivals without giving away more of the budget than that.
      limiter: rate === null ? null : new SlidingWindowLimiter([{ limit: rate, ms: STRIPE_WINDOW_MS }]),
    };
  }

  // Customers and tax ids
  createCustomer = (input: customers.CustomerInput, idempotencyKey: string) => customers.createCustomer(this.ctx, input, idempotencyKey);
  updateCustomer = (id: string, input: customers.CustomerInput, idempotencyKey: string) =>
    customers.updateCustomer(this.ctx, id, input, idempotencyKey);
  deleteCustomer = (id: string) => customers.deleteCustomer(this.ctx, id);
  getCustomer = (id: string) => customers.getCustomer(this.ctx, id);
  listCustomers = (filter?: { createdGte?: number; withTaxIds?: boolean }) => customers.listCustomers(this.ctx, filter);
  findCustomersByEmail = (email: string, options?: { scanAll?: boolean }) => customers.findCustomersByEmail(this.ctx, email, options);
  findCustomersByServiceM8Uuid = (uuid: string) => customers.findCustomersByServiceM8Uuid(this.ctx, uuid);
  addAbn = (customerId: string, abn: string, idempotencyKey: string) => customers.addAbn(this.ctx, customerId, abn, idempotencyKey);
  listTaxIds = (customerId: string) => customers.listTaxIds(this.ctx, customerId);
  deleteTaxId = (customerId: string, taxId: string) => customers.deleteTaxId(this.ctx, customerId, taxId);

  // Tax rates
  ensureGstRates = (idempotencyKey: string) => taxRates.ensureGstRates(this.ctx, idempotencyKey);

  // Invoices
  createDraftInvoice = (input: invoices.InvoiceDraftInput, idempotencyKey: string) =>
    invoices.createDraftInvoice(this.ctx, input, idempotencyKey);
  updateDraftInvoice = (id: string, update: invoices.InvoiceDraftUpdate, idempotencyKey: string) =>
    invoices.updateDraftInvoice(this.ctx, id, update, idempotencyKey);
  finalizeInvoice = (id: string, idempotencyKey: string) => invoices.finalizeInvoice(this.ctx, id, idempotencyKey);
  payInvoiceOutOfBand = (id: string, idempotencyKey: string) => invoices.payInvoiceOutOfBand(this.ctx, id, idempotencyKey);
  voidInvoice = (id: string, idempotencyKey: string) => invoices.voidInvoice(this.ctx, id, idempotencyKey);
  getInvoice = (id: string) => invoices.getInvoice(this.ctx, id);
  listInvoices = (filter?: Parameters<typeof invoices.listInvoices>[1]) => invoices.listInvoices(this.ctx, filter);

  // Payments
  listInvoicePayments = (invoiceId: string) => payments.listInvoicePayments(this.ctx, invoiceId);
  findInvoiceIdForPaymentIntent = (paymentIntentId: string) => payments.findInvoiceIdForPaymentIntent(this.ctx, paymentIntentId);
  listCharges = (filter?: Parameters<typeof payments.listCharges>[1]) => payments.listCharges(this.ctx, filter);
  listRefunds = (filter?: Parameters<typeof payments.listRefunds>[1]) => payments.listRefunds(this.ctx, filter);

  // Events
  listEventsSince = (cursor: string | null, types?: string[]) => events.listEventsSince(this.ctx, cursor, types);
}
