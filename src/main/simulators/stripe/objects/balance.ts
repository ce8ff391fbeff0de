// Balance transaction (`txn_`), dispute (`du_`) and payout (`po_`) objects. No
// fixture exists for them: the keys follow the SDK 23 types (BalanceTransactions,
// Disputes, Payouts .d.ts), nullable sub-objects null, as ASSUMPTIONS.md records.
import type { FeeDetail } from '../fees';
import type { WireObject } from '../store';

export interface BalanceTransactionObject extends WireObject {
  object: 'balance_transaction';
  amount: number;
  available_on: number;
  created: number;
  fee: number;
  fee_details: FeeDetail[];
  net: number;
  reporting_category: string;
  source: string | null;
  status: 'available' | 'pending';
  type: string;
}

export function newBalanceTransaction(
  id: string,
  created: number,
  init: {
    amount: number;
    currency: string;
    description: string | null;
    feeDetails: FeeDetail[];
    availableOn: number;
    reportingCategory: string;
    source: string;
    type: string;
  },
): BalanceTransactionObject {
  const fee = init.feeDetails.reduce((sum, f) => sum + f.amount, 0);
  return {
    id,
    object: 'balance_transaction',
    amount: init.amount,
    available_on: init.availableOn,
    balance_type: 'payments',
    created,
    currency: init.currency,
    description: init.description,
    exchange_rate: null,
    fee,
    fee_details: init.feeDetails,
    net: init.amount - fee,
    reporting_category: init.reportingCategory,
    source: init.source,
    status: init.availableOn <= created ? 'available' : 'pending',
    type: init.type,
  };
}

export interface DisputeObject extends WireObject {
  object: 'dispute';
  amount: number;
  charge: string;
  status: string;
  balance_transactions: BalanceTransactionObject[];
}

const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
];

export function newDispute(
  id: string,
  created: number,
  init: { amount: number; charge: string; currency: string; paymentIntent: string | null; reason: string },
): DisputeObject {
  const evidence: Record<string, unknown> = Object.fromEntries(EVIDENCE_FIELDS.map((key) => [key, null]));
  evidence.enhanced_evidence = {};
  return {
    id,
    object: 'dispute',
    amount: init.amount,
    balance_transactions: [],
    charge: init.charge,
    created,
    currency: init.currency,
    enhanced_eligibility_types: [],
    evidence,
    evidence_details: {
      due_by: created + 7 * 86_400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    network_reason_code: null,
    payment_intent: init.paymentIntent,
    payment_method_details: { card: { brand: 'visa', case_type: 'chargeback', network_reason_code: '10.4' }, type: 'card' },
    reason: init.reason,
    status: 'needs_response',
  };
}

export interface PayoutObject extends WireObject {
  object: 'payout';
  amount: number;
  status: string;
  balance_transaction: string;
}

export function newPayout(
  id: string,
  created: number,
  init: { amount: number; currency: string; balanceTransaction: string },
): PayoutObject {
  return {
    id,
    object: 'payout',
    amount: init.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: created,
    automatic: true,
    balance_transaction: init.balanceTransaction,
    created,
    currency: init.currency,
    description: 'STRIPE PAYOUT',
    destination: 'ba_sim000000000000000000000',
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: 'standard',
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'completed',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: null,
    status: 'paid',
    trace_id: null,
    type: 'bank_account',
  };
}
