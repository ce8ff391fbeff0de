// Invoice object with the fixture's keys. `lines` is assembled by render();
// `payments` is includable. Totals are filled by the totals engine.
import type { WireObject } from '../store';
import { emptyAddress } from './customer';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

export interface TaxAmount {
  amount: number;
  tax_behavior: 'inclusive' | 'exclusive';
  taxable_amount: number;
  taxability_reason: string;
  type: 'tax_rate_details';
  tax_rate_details: { tax_rate: string };
}

export interface InvoiceObject extends WireObject {
  object: 'invoice';
  status: InvoiceStatus;
  customer: string;
  currency: string;
  created: number;
  collection_method: 'charge_automatically' | 'send_invoice';
  number: string | null;
  metadata: Record<string, string>;
  default_tax_rates: WireObject[];
  custom_fields: { name: string; value: string }[] | null;
  description: string | null;
  footer: string | null;
  due_date: number | null;
  effective_at: number | null;
  auto_advance: boolean;
  automatically_finalizes_at: number | null;
  subtotal: number;
  subtotal_excluding_tax: number;
  total: number;
  total_excluding_tax: number;
  total_taxes: TaxAmount[];
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  pre_payment_credit_notes_amount: number;
  post_payment_credit_notes_amount: number;
  status_transitions: {
    finalized_at: number | null;
    marked_uncollectible_at: number | null;
    paid_at: number | null;
    voided_at: number | null;
  };
}

export function newInvoice(id: string, created: number, customer: string, currency: string): InvoiceObject {
  return {
    id,
    object: 'invoice',
    account_country: 'AU',
    account_name: 'sm8sync simulator',
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: 'manual',
    collection_method: 'charge_automatically',
    created,
    currency,
    custom_fields: null,
    customer,
    customer_account: null,
    customer_address: emptyAddress(),
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: created,
    period_start: created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    // Legacy key still carried by the fixture (reference §12.5): always null.
    subscription: null,
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}
