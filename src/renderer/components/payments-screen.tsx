// Payments: every payment and refund of a month on both sides, matched or not, with
// ServiceM8 Pay recognised, Stripe's fee and what was left, and the state in words.
import { PAYMENT_STATES } from '../../shared/api';
import { formatCents, formatDay, monthLabel, monthOf, PAYMENT_STATE_LABEL, sidesLabel, sentence } from '../state/money';
import { usePayments, type PaymentFilter } from '../state/use-payments';
import { MonthPicker } from './month-picker';
import { StatePill } from './state-pill';

export function PaymentsScreen({ zone }: { zone: string }) {
  const current = monthOf(new Date(), zone);
  const state = usePayments(current);
  const { rows, shown, totals } = state;
  return (
    <section aria-labelledby="payments-heading" className="screen">
      <h2 id="payments-heading">Payments</h2>
      <p className="muted">Payments and refunds recorded in ServiceM8 or taken by Stripe, and whether they match.</p>
      <div className="filters">
        <MonthPicker value={state.month} current={current} onChange={state.setMonth} testId="payments-month" />
        <label>
          State
          <select value={state.filter} onChange={(e) => state.setFilter(e.target.value as PaymentFilter)} data-testid="payments-state">
            <option value="">All states</option>
            {PAYMENT_STATES.map((s) => (
              <option key={s} value={s}>
                {PAYMENT_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.error ? (
        <p className="notice notice-error" role="alert">
          Could not load payments: {state.error}
        </p>
      ) : null}
      {rows ? (
        <dl className="totals" data-testid="payments-totals">
          <div>
            <dt>Payments</dt>
            <dd data-testid="payments-count">{totals.count}</dd>
          </div>
          <div>
            <dt>Received</dt>
            <dd data-testid="payments-amount">{formatCents(totals.amountCents)}</dd>
          </div>
          <div>
            <dt>Stripe fees</dt>
            <dd data-testid="payments-fees">{formatCents(totals.feeCents)}</dd>
          </div>
          <div>
            <dt>Net</dt>
            <dd data-testid="payments-net">{formatCents(totals.netCents)}</dd>
          </div>
          <div>
            <dt>Not matched yet</dt>
            <dd data-testid="payments-unmatched">{totals.unmatched}</dd>
          </div>
        </dl>
      ) : null}
      {rows && shown.length === 0 ? (
        <p className="empty" data-testid="payments-empty">
          {rows.length === 0 ? `No payments in ${monthLabel(state.month)}.` : 'No payments in this state.'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table className="money" data-testid="payments-table">
            <caption className="visually-hidden">Payments in {monthLabel(state.month)}</caption>
            <thead>
              <tr>
                <th scope="col">Paid</th>
                <th scope="col">Job</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col" className="num">
                  Net
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={`${row.servicem8PaymentUuid ?? ''}|${row.stripePaymentId ?? ''}`} data-testid="payment-row">
                  <td className="nowrap">{formatDay(row.paidAt, zone)}</td>
                  <td>
                    {row.jobNumber ? `Job ${row.jobNumber}` : <span className="muted">No job</span>}
                    <span className="muted small block">
                      {row.amountCents < 0 ? 'Refund' : (row.method ?? 'Payment')} ·{' '}
                      {sidesLabel(row.servicem8PaymentUuid, row.stripePaymentId)}
                    </span>
                  </td>
                  <td className="num">{formatCents(row.amountCents)}</td>
                  <td className="num">
                    {row.feeCents ? formatCents(row.feeCents) : '—'}
                    {row.feeGstCents ? <span className="muted small block">incl. {formatCents(row.feeGstCents)} GST</span> : null}
                  </td>
                  <td className="num">{formatCents(row.amountCents - row.feeCents)}</td>
                  <td className="reason">
                    <StatePill state={row.state} label={PAYMENT_STATE_LABEL[row.state]} />
                    <span className="muted small block">{sentence(row.reason)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
