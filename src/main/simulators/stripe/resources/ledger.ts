// Balance transactions behind money movements: a charge (gross, fee with GST, net,
// available after AU_FEES.availableAfterDays), a refund (negative, no fee, at once)
// and a dispute (negative amount plus the dispute fee). Their ids are set on the
// source object's `balance_transaction` where Stripe has that field.
import type { SimContext } from '../context';
import { AU_FEES, availableOn, cardFee, feeDetails, type FeeDetail } from '../fees';
import { newBalanceTransaction, type BalanceTransactionObject, type DisputeObject } from '../objects/balance';
import type { ChargeObject } from '../objects/payment';
import type { RefundObject } from '../objects/refund';

export function recordCharge(ctx: SimContext, charge: ChargeObject, applicationFee = 0): BalanceTransactionObject {
  const currency = charge.currency as string;
  const fees: FeeDetail[] = feeDetails(cardFee(charge.amount), currency, 'processing');
  if (applicationFee > 0)
    fees.push({ amount: applicationFee, application: 'ca_servicem8sim', currency, description: null, type: 'application_fee' });
  const txn = newBalanceTransaction(charge.balance_transaction as string, charge.created as number, {
    amount: charge.amount,
    currency,
    description: charge.description as string | null,
    feeDetails: fees,
    availableOn: availableOn(charge.created as number),
    reportingCategory: 'charge',
    source: charge.id,
    type: 'charge',
  });
  ctx.store.balanceTransactions.insert(txn);
  return txn;
}

export function recordRefund(ctx: SimContext, refund: RefundObject): BalanceTransactionObject {
  // Stripe keeps its processing fee on a refund: the refund's transaction has no fee.
  const txn = newBalanceTransaction(ctx.store.ids.next('txn'), refund.created as number, {
    amount: -refund.amount,
    currency: refund.currency as string,
    description: `REFUND FOR CHARGE (${refund.charge})`,
    feeDetails: [],
    availableOn: refund.created as number,
    reportingCategory: 'refund',
    source: refund.id,
    type: 'refund',
  });
  ctx.store.balanceTransactions.insert(txn);
  refund.balance_transaction = txn.id;
  return txn;
}

/** The withdrawal of a disputed amount plus the dispute fee, or (won) its reinstatement. */
export function recordDispute(ctx: SimContext, dispute: DisputeObject, direction: 'withdrawn' | 'reinstated'): BalanceTransactionObject {
  const currency = dispute.currency as string;
  const withdrawn = direction === 'withdrawn';
  const txn = newBalanceTransaction(ctx.store.ids.next('txn'), ctx.now(), {
    amount: withdrawn ? -dispute.amount : dispute.amount,
    currency,
    description: `${withdrawn ? 'Chargeback withdrawal' : 'Chargeback reversal'} for ${dispute.charge}`,
    feeDetails: withdrawn ? feeDetails(AU_FEES.disputeCents, currency, 'dispute') : [],
    availableOn: ctx.now(),
    reportingCategory: withdrawn ? 'dispute' : 'dispute_reversal',
    source: dispute.id,
    type: 'adjustment',
  });
  ctx.store.balanceTransactions.insert(txn);
  dispute.balance_transactions.push(structuredClone(txn));
  return txn;
}
