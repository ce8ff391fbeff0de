// The one object the sync engine holds for Stripe: every operation it needs, each
// returning zod-validated canonical records and throwing StripeConnectorError.
import type { CallContext } from './call';
import type { UnreadObject } from './schema-parts';
import { createStripeClient, type StripeClientOptions } from './client';
import * as customers from './customers';
import * as events from './events';
import * as balance from './balance';
import * as actions from './invoice-actions';
import type { InvoiceLineInput } from './invoice-lines';
import * as writes from './invoice-writes';
import * as invoices from './invoices';
import * as payments from './payments';
import * as products from './products';
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
  /** The product unit-priced invoice lines belong to: looked up once per connector, shared by concurrent writes. */
  private lineProductId: Promise<string> | null = null;
  private readonly lineProduct = (): Promise<string> => {
    if (!this.lineProductId) {
      const found = products.ensureLineProduct(this.ctx, 'sm8sync-product-invoice-line');
      this.lineProductId = found;
      found.catch(() => (this.lineProductId = null));
    }
    return this.lineProductId;
  };

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
  listCustomers = (filter?: { createdGte?: number; withTaxIds?: boolean }, unread?: UnreadObject[]) =>
    customers.listCustomers(this.ctx, filter, unread);
  findCustomersByEmail = (email: string, options?: { scanAll?: boolean }) => customers.findCustomersByEmail(this.ctx, email, options);
  findCustomersByServiceM8Uuid = (uuid: string) => customers.findCustomersByServiceM8Uuid(this.ctx, uuid);
  addAbn = (customerId: string, abn: string, idempotencyKey: string) => customers.addAbn(this.ctx, customerId, abn, idempotencyKey);
  listTaxIds = (customerId: string) => customers.listTaxIds(this.ctx, customerId);
  deleteTaxId = (customerId: string, taxId: string) => customers.deleteTaxId(this.ctx, customerId, taxId);

  // Tax rates
  ensureGstRates = (idempotencyKey: string) => taxRates.ensureGstRates(this.ctx, idempotencyKey);
  ensureTaxRate = (spec: taxRates.TaxRateSpec, idempotencyKey: string) => taxRates.ensureTaxRate(this.ctx, spec, idempotencyKey);
  findTaxRateByMetadata = (key: string, value: string) => taxRates.findTaxRateByMetadata(this.ctx, key, value);
  listTaxRates = (filter?: { active?: boolean }) => taxRates.listTaxRates(this.ctx, filter);

  // Invoices: reads
  getInvoice = (id: string) => invoices.getInvoice(this.ctx, id);
  listInvoices = (filter?: invoices.InvoiceListFilter, unread?: UnreadObject[]) => invoices.listInvoices(this.ctx, filter, unread);

  // Invoices: writes (every one takes an idempotency key)
  createDraftInvoice = (input: writes.InvoiceDraftInput, idempotencyKey: string) =>
    writes.createDraftInvoice(this.ctx, input, idempotencyKey, this.lineProduct);
  updateDraftInvoice = (id: string, update: writes.InvoiceDraftUpdate, idempotencyKey: string) =>
    writes.updateDraftInvoice(this.ctx, id, update, idempotencyKey, this.lineProduct);
  replaceDraftLines = (id: string, lines: InvoiceLineInput[], idempotencyKey: string) =>
    writes.replaceDraftLines(this.ctx, id, lines, idempotencyKey, this.lineProduct);
  updateFinalizedInvoice = (id: string, update: Parameters<typeof actions.updateFinalizedInvoice>[2], idempotencyKey: string) =>
    actions.updateFinalizedInvoice(this.ctx, id, update, idempotencyKey);
  finalizeInvoice = (id: string, idempotencyKey: string, options?: { autoAdvance?: boolean }) =>
    actions.finalizeInvoice(this.ctx, id, idempotencyKey, options);
  sendInvoice = (id: string, idempotencyKey: string) => actions.sendInvoice(this.ctx, id, idempotencyKey);
  payInvoiceOutOfBand = (id: string, idempotencyKey: string) => actions.payInvoiceOutOfBand(this.ctx, id, idempotencyKey);
  voidInvoice = (id: string, idempotencyKey: string) => actions.voidInvoice(this.ctx, id, idempotencyKey);
  markInvoiceUncollectible = (id: string, idempotencyKey: string) => actions.markInvoiceUncollectible(this.ctx, id, idempotencyKey);
  createCreditNote = (input: actions.CreditNoteInput, idempotencyKey: string) => actions.createCreditNote(this.ctx, input, idempotencyKey);
  listCreditNotes = (filter?: { invoiceId?: string; customerId?: string }) => actions.listCreditNotes(this.ctx, filter);

  // Payments (read only)
  listInvoicePayments = (invoiceId: string) => payments.listInvoicePayments(this.ctx, invoiceId);
  findInvoiceIdForPaymentIntent = (paymentIntentId: string) => payments.findInvoiceIdForPaymentIntent(this.ctx, paymentIntentId);
  listPaymentIntents = (filter?: Parameters<typeof payments.listPaymentIntents>[1]) => payments.listPaymentIntents(this.ctx, filter);
  getPaymentIntent = (id: string) => payments.getPaymentIntent(this.ctx, id);
  listCharges = (filter?: Parameters<typeof payments.listCharges>[1], unread?: UnreadObject[]) =>
    payments.listCharges(this.ctx, filter, unread);
  getCharge = (id: string) => payments.getCharge(this.ctx, id);
  listRefunds = (filter?: Parameters<typeof payments.listRefunds>[1], unread?: UnreadObject[]) =>
    payments.listRefunds(this.ctx, filter, unread);
  getRefund = (id: string) => payments.getRefund(this.ctx, id);
  listDisputes = (filter?: Parameters<typeof payments.listDisputes>[1], unread?: UnreadObject[]) =>
    payments.listDisputes(this.ctx, filter, unread);
  getDispute = (id: string) => payments.getDispute(this.ctx, id);

  // Balance and payouts
  listBalanceTransactions = (filter?: Parameters<typeof balance.listBalanceTransactions>[1]) =>
    balance.listBalanceTransactions(this.ctx, filter);
  getBalanceTransaction = (id: string) => balance.getBalanceTransaction(this.ctx, id);
  listPayouts = (filter?: Parameters<typeof balance.listPayouts>[1], unread?: UnreadObject[]) =>
    balance.listPayouts(this.ctx, filter, unread);
  getPayout = (id: string) => balance.getPayout(this.ctx, id);

  // Events
  listEventsSince = (cursor: string | null, types?: string[]) => events.listEventsSince(this.ctx, cursor, types);
}
