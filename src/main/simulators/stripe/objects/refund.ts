// Refund object (fixture keys).
import type { WireObject } from '../store';

export interface RefundObject extends WireObject {
  object: 'refund';
  amount: number;
  charge: string;
}

export function newRefund(
  id: string,
  created: number,
  init: {
    amount: number;
    charge: string;
    currency: string;
    paymentIntent: string | null;
    customer: string | null;
    reason: string | null;
    metadata: Record<string, string>;
    paymentMethod: string | null;
  },
): RefundObject {
  return {
    id,
    object: 'refund',
    amount: init.amount,
    balance_transaction: null,
    charge: init.charge,
    created,
    currency: init.currency,
    customer: init.customer,
    customer_account: null,
    destination_details: { card: { type: 'refund' }, type: 'card' },
    metadata: init.metadata,
    payment_intent: init.paymentIntent,
    payment_method: init.paymentMethod,
    reason: init.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}
