// Payment intent and charge objects (fixture keys). Charges are card payments
// with the test card 4242; `charge.source` is the old Sources API field: null.
import type { WireObject } from '../store';
import { emptyAddress } from './customer';

export interface PaymentIntentObject extends WireObject {
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  status: string;
  customer: string | null;
  latest_charge: string | null;
  payment_method: string | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
}

export function newPaymentIntent(
  id: string,
  created: number,
  secret: string,
  amount: number,
  currency: string,
  customer: string | null,
  description: string | null,
): PaymentIntentObject {
  return {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${id}_secret_${secret}`,
    confirmation_method: 'automatic',
    created,
    currency,
    customer,
    customer_account: null,
    description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

export interface ChargeObject extends WireObject {
  object: 'charge';
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  customer: string | null;
  payment_intent: string | null;
}

export function newCharge(
  id: string,
  created: number,
  init: {
    amount: number;
    currency: string;
    customer: string | null;
    paymentIntent: string | null;
    paymentMethod: string;
    balanceTransaction: string;
    receiptToken: string;
    description: string | null;
  },
): ChargeObject {
  return {
    id,
    object: 'charge',
    amount: init.amount,
    amount_captured: init.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: init.balanceTransaction,
    billing_details: { address: emptyAddress(), email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'SM8SYNC SIMULATOR',
    captured: true,
    created,
    currency: init.currency,
    customer: init.customer,
    description: init.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: init.paymentIntent,
    payment_method: init.paymentMethod,
    payment_method_details: { card: cardDetails(init.amount), type: 'card' },
    receipt_email: null,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${init.receiptToken}`,
    refunded: false,
    refunds: null,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}

function cardDetails(amount: number): Record<string, unknown> {
  return {
    amount_authorized: amount,
    authorization_code: null,
    brand: 'visa',
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'AU',
    exp_month: 12,
    exp_year: 2030,
    extended_authorization: { status: 'disabled' },
    fingerprint: 'SimFingerprint42',
    funding: 'credit',
    incremental_authorization: { status: 'unavailable' },
    installments: null,
    last4: '4242',
    mandate: null,
    multicapture: { status: 'unavailable' },
    network: 'visa',
    network_token: { used: false },
    network_transaction_id: null,
    overcapture: { maximum_amount_capturable: amount, status: 'unavailable' },
    regulated_status: 'unregulated',
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}
