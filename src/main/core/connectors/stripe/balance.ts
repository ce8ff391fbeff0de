// Balance transactions (gross, Stripe's fee with its GST, net, when available) and
// the payouts that group them: `listBalanceTransactions({payoutId})` is what one
// bank deposit is made of, the payout's own (negative) transaction included.
import { call, listAll, type CallContext } from './call';
import { createdParam, type CreatedRange } from './payments';
import { balanceTransactionRecord, payoutRecord, type StripeBalanceTransactionRecord, type StripePayoutRecord } from './schemas';
import { parseEach, parseRecord, type UnreadObject } from './schema-parts';

export async function listBalanceTransactions(
  ctx: CallContext,
  filter: CreatedRange & { payoutId?: string; sourceId?: string; type?: string } = {},
): Promise<StripeBalanceTransactionRecord[]> {
  const all = await listAll(ctx, 'balanceTransactions.list', (s) =>
    s.balanceTransactions.list({
      limit: 100,
      ...(filter.payoutId ? { payout: filter.payoutId } : {}),
      ...(filter.sourceId ? { source: filter.sourceId } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...createdParam(filter),
    }),
  );
  return all.map((t) => parseRecord(balanceTransactionRecord, t, 'balance transaction'));
}

export async function getBalanceTransaction(ctx: CallContext, id: string): Promise<StripeBalanceTransactionRecord> {
  const txn = await call(ctx, 'balanceTransactions.retrieve', (s) => s.balanceTransactions.retrieve(id));
  return parseRecord(balanceTransactionRecord, txn, 'balance transaction');
}

export async function listPayouts(
  ctx: CallContext,
  filter: CreatedRange & { status?: string } = {},
  unread?: UnreadObject[],
): Promise<StripePayoutRecord[]> {
  const all = await listAll(ctx, 'payouts.list', (s) =>
    s.payouts.list({ limit: 100, ...(filter.status ? { status: filter.status } : {}), ...createdParam(filter) }),
  );
  return parseEach(payoutRecord, all, 'payout', unread);
}

export async function getPayout(ctx: CallContext, id: string): Promise<StripePayoutRecord> {
  return parseRecord(payoutRecord, await call(ctx, 'payouts.retrieve', (s) => s.payouts.retrieve(id)), 'payout');
}
