// Balance transactions and payouts. A payout sweeps every available balance
// transaction not yet paid out (or every one, `include_pending`) into one
// transfer to the bank: its own balance transaction (type payout) takes the sum
// of their `net` back out. `GET /v1/balance_transactions?payout=po_…` lists what
// a payout grouped, its own transaction included, as Stripe does for automatic
// payouts. Running one is a /_sim/ control: payout.created, payout.paid and
// payout.reconciliation_completed follow at once.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { newBalanceTransaction, newPayout, type BalanceTransactionObject, type PayoutObject } from '../objects/balance';
import { allowOnly, bool, str } from '../params';
import { render } from '../render';

export function runPayout(ctx: SimContext): { body: Json } {
  const { store } = ctx;
  allowOnly(ctx.params, ['include_pending']);
  const includePending = bool(ctx.params, 'include_pending') === true;
  const swept = (store.balanceTransactions.inOrder() as BalanceTransactionObject[]).filter(
    (t) => t.type !== 'payout' && !store.payoutOf.has(t.id) && (includePending || t.status === 'available'),
  );
  const amount = swept.reduce((sum, t) => sum + t.net, 0);
  if (swept.length === 0 || amount <= 0) throw SimError.state('There is no available balance to pay out.', 'balance_insufficient');
  const now = ctx.now();
  const payoutId = store.ids.next('po');
  const currency = swept[0]?.currency as string;
  const own = newBalanceTransaction(store.ids.next('txn'), now, {
    amount: -amount,
    currency,
    description: 'STRIPE PAYOUT',
    feeDetails: [],
    availableOn: now,
    reportingCategory: 'payout',
    source: payoutId,
    type: 'payout',
  });
  store.balanceTransactions.insert(own);
  const payout = newPayout(payoutId, now, { amount, currency, balanceTransaction: own.id });
  store.payouts.insert(payout);
  for (const txn of [...swept, own]) {
    store.payoutOf.set(txn.id, payout.id);
    // A swept pending transaction is paid out early only when asked; it is then available.
    txn.status = 'available';
  }
  const inTransit = { ...payout, status: 'in_transit', reconciliation_status: 'not_applicable' };
  ctx.emit('payout.created', inTransit);
  ctx.emit('payout.paid', payout);
  ctx.emit('payout.reconciliation_completed', payout);
  return { body: render(store, payout) };
}

function listTransactions(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'payout', 'source', 'type', 'created', 'currency']);
  const payout = str(params, 'payout');
  if (payout !== undefined && !store.payouts.get(payout))
    throw SimError.invalid(`No such payout: '${payout}'`, 'payout', 'resource_missing');
  const source = str(params, 'source');
  const type = str(params, 'type');
  const currency = str(params, 'currency');
  const inCreated = createdFilter(params);
  const items = (store.balanceTransactions.newestFirst() as BalanceTransactionObject[]).filter(
    (t) =>
      (payout === undefined || store.payoutOf.get(t.id) === payout) &&
      (source === undefined || t.source === source) &&
      (type === undefined || t.type === type) &&
      (currency === undefined || t.currency === currency) &&
      inCreated(t.created),
  );
  const page = paginate(items, params, '/v1/balance_transactions', (id) => store.balanceTransactions.sortKey(id), 'balance_transaction');
  return { body: { ...page, data: page.data.map((t) => render(store, t)) } };
}

function listPayouts(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'status', 'created', 'arrival_date', 'destination']);
  const status = str(params, 'status');
  const destination = str(params, 'destination');
  const inCreated = createdFilter(params);
  const inArrival = createdFilter(params, 'arrival_date');
  const items = (store.payouts.newestFirst() as PayoutObject[]).filter(
    (p) =>
      (status === undefined || p.status === status) &&
      (destination === undefined || p.destination === destination) &&
      inCreated(p.created as number) &&
      inArrival(p.arrival_date as number),
  );
  const page = paginate(items, params, '/v1/payouts', (id) => store.payouts.sortKey(id), 'payout');
  return { body: { ...page, data: page.data.map((p) => render(store, p)) } };
}

const retrieve = (pick: 'balanceTransactions' | 'payouts') => (ctx: SimContext) => ({
  body: render(ctx.store, ctx.store[pick].require(ctx.path.id ?? '')),
});

export const payoutRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/balance_transactions', handler: listTransactions },
  { method: 'GET', pattern: '/v1/balance_transactions/:id', handler: retrieve('balanceTransactions') },
  { method: 'GET', pattern: '/v1/payouts', handler: listPayouts },
  { method: 'GET', pattern: '/v1/payouts/:id', handler: retrieve('payouts') },
];
