// Invoice item (`ii_`) and the invoice line (`il_`) it produces on a draft invoice.
import type { WireObject } from '../store';
import type { TaxAmount } from './invoice';

export interface InvoiceItemObject extends WireObject {
  object: 'invoiceitem';
  customer: string;
  invoice: string | null;
  amount: number;
  currency: string;
  description: string | null;
  quantity: number;
  quantity_decimal: string;
  tax_rates: WireObject[];
  metadata: Record<string, string>;
  date: number;
  period: { start: number; end: number };
  /** `price_details` only for an item made from an inline `price_data`. */
  pricing: { type: 'price_details'; price_details?: { price: string; product: string }; unit_amount_decimal: string | null };
}

export interface LineItemObject extends WireObject {
  object: 'line_item';
  invoice: string;
  amount: number;
  subtotal: number;
  taxes: TaxAmount[];
}

export function newInvoiceItem(
  id: string,
  created: number,
  init: {
    customer: string;
    invoice: string | null;
    amount: number;
    currency: string;
    description: string | null;
    quantity: number;
    /** Defaults to the integer quantity. */
    quantityDecimal?: string;
    unitAmountDecimal: string | null;
    taxRates: WireObject[];
    metadata: Record<string, string>;
  },
): InvoiceItemObject {
  return {
    id,
    object: 'invoiceitem',
    amount: init.amount,
    currency: init.currency,
    customer: init.customer,
    customer_account: null,
    date: created,
    description: init.description,
    discountable: true,
    discounts: [],
    invoice: init.invoice,
    livemode: false,
    metadata: init.metadata,
    net_amount: init.amount,
    parent: null,
    period: { end: created, start: created },
    pricing: { type: 'price_details', unit_amount_decimal: init.unitAmountDecimal },
    proration: false,
    quantity: init.quantity,
    quantity_decimal: init.quantityDecimal ?? String(init.quantity),
    tax_rates: init.taxRates,
    test_clock: null,
  };
}

export function lineFromItem(id: string, item: InvoiceItemObject, invoice: string): LineItemObject {
  return {
    id,
    object: 'line_item',
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice,
    livemode: false,
    metadata: { ...item.metadata },
    parent: {
      invoice_item_details: { invoice_item: item.id, proration: false, proration_details: { credited_items: null }, subscription: null },
      subscription_item_details: null,
      type: 'invoice_item_details',
    },
    period: { ...item.period },
    pretax_credit_amounts: [],
    pricing: structuredClone(item.pricing),
    quantity: item.quantity,
    quantity_decimal: item.quantity_decimal,
    subscription: null,
    subtotal: item.amount,
    taxes: [],
  };
}
