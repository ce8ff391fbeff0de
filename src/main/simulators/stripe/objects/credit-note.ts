// Credit note and credit note line objects (fixture keys). Lines carry a private
// `credit_note` back-reference that render() strips.
import type { WireObject } from '../store';

export interface CreditNoteObject extends WireObject {
  object: 'credit_note';
  invoice: string;
  amount: number;
  status: 'issued' | 'void';
  type: 'pre_payment' | 'post_payment' | 'mixed';
  pre_payment_amount: number;
  post_payment_amount: number;
}

export function newCreditNote(
  id: string,
  created: number,
  init: {
    invoice: string;
    customer: string;
    currency: string;
    number: string;
    amount: number;
    prePayment: number;
    postPayment: number;
    outOfBand: number | null;
    refunds: { amount_refunded: number; refund: string }[];
    reason: string | null;
    memo: string | null;
    metadata: Record<string, string>;
    pdfToken: string;
  },
): CreditNoteObject {
  const type = init.postPayment === 0 ? 'pre_payment' : init.prePayment === 0 ? 'post_payment' : 'mixed';
  return {
    id,
    object: 'credit_note',
    amount: init.amount,
    amount_shipping: 0,
    created,
    currency: init.currency,
    customer: init.customer,
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: 0,
    discount_amounts: [],
    effective_at: created,
    invoice: init.invoice,
    lines: null,
    livemode: false,
    memo: init.memo,
    metadata: init.metadata,
    number: init.number,
    out_of_band_amount: init.outOfBand,
    pdf: `https://pay.stripe.com/credit_notes/acct_sim/${init.pdfToken}/pdf`,
    post_payment_amount: init.postPayment,
    pre_payment_amount: init.prePayment,
    pretax_credit_amounts: [],
    reason: init.reason,
    refunds: init.refunds.map((r) => ({
      amount_refunded: r.amount_refunded,
      payment_record_refund: null,
      refund: r.refund,
      type: 'refund',
    })),
    shipping_cost: null,
    status: 'issued',
    subtotal: init.amount,
    subtotal_excluding_tax: init.amount,
    total: init.amount,
    total_excluding_tax: init.amount,
    total_taxes: [],
    type,
    voided_at: null,
  };
}

export function newCreditNoteLine(id: string, creditNote: string, amount: number, description: string): WireObject {
  return {
    id,
    object: 'credit_note_line_item',
    amount,
    credit_note: creditNote,
    description,
    discount_amount: 0,
    discount_amounts: [],
    livemode: false,
    metadata: {},
    pretax_credit_amounts: [],
    quantity: 1,
    tax_rates: [],
    taxes: [],
    type: 'custom_line_item',
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  };
}
