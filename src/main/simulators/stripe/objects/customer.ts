// Customer and tax id objects with exactly the fixture's keys (stripe-fixtures.json).
import type { WireObject } from '../store';

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface CustomerObject extends WireObject {
  object: 'customer';
  name: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
  address: Address | null;
  metadata: Record<string, string>;
  created: number;
  invoice_prefix: string;
  next_invoice_sequence: number;
}

export function emptyAddress(): Address {
  return { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
}

export function newCustomer(id: string, created: number, invoicePrefix: string): CustomerObject {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: invoicePrefix,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export interface TaxIdObject extends WireObject {
  object: 'tax_id';
  customer: string;
  type: string;
  value: string;
}

export function newTaxId(id: string, created: number, customer: string, type: string, value: string, country: string | null): TaxIdObject {
  return {
    id,
    object: 'tax_id',
    country,
    created,
    customer,
    customer_account: null,
    livemode: false,
    owner: { customer, customer_account: null, type: 'customer' },
    type,
    value,
    verification: { status: 'pending', verified_address: null, verified_name: null },
  };
}
