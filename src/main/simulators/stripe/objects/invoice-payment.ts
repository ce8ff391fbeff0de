// Invoice payment (`inpay_`): the link between an invoice and the payment that
// settles it. Stripe creates a default one at finalization.
import type { WireObject } from '../store';

export interface InvoicePaymentObject extends WireObject {
  object: 'invoice_payment';
  invoice: string;
  amount_requested: number;
  amount_paid: number | null;
  status: 'open' | 'paid' | 'canceled';
  payment: { type: 'payment_intent'; payment_intent: string };
  status_transitions: { canceled_at: number | null; paid_at: number | null };
}

export function newInvoicePayment(
  id: string,
  created: number,
  invoice: string,
  amount: number,
  currency: string,
  paymentIntent: string,
): InvoicePaymentObject {
  return {
    id,
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: amount,
    created,
    currency,
    invoice,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: paymentIntent },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}
