// Invoices: every job that is or could be an invoice, its state and the reason in words,
// the totals and GST each side has and the difference, filtered by state.
import { INVOICE_STATES, type InvoiceRow } from '../../shared/api';
import { difference, formatCents, INVOICE_STATE_LABEL, sentence } from '../state/money';
import { useInvoices, type InvoiceFilter } from '../state/use-invoices';
import { StatePill } from './state-pill';

function Row({ row }: { row: InvoiceRow }) {
  return (
    <tr data-testid="invoice-row">
      <td>
        {row.jobNumber ? `Job ${row.jobNumber}` : 'Job without a number'}
        <span className="muted small block">{row.client ?? 'No client'}</span>
      </td>
      <td className="reason">
        <StatePill state={row.state} label={INVOICE_STATE_LABEL[row.state]} />
        {row.reason ? <span className="muted small block">{sentence(row.reason)}</span> : null}
        {row.stripeStatus ? <span className="muted small block">Stripe: {row.stripeStatus}</span> : null}
      </td>
      <td className="num">
        <span className="block">{formatCents(row.servicem8TotalCents)}</span>
        <span className="muted small block">GST {formatCents(row.servicem8GstCents)}</span>
      </td>
      <td className="num">
        <span className="block">{formatCents(row.stripeTotalCents)}</span>
        <span className="muted small block">GST {formatCents(row.stripeGstCents)}</span>
      </td>
      <td className="num" data-testid="invoice-difference">
        <span className="block">{formatCents(difference(row.servicem8TotalCents, row.stripeTotalCents))}</span>
        <span className="muted small block">GST {formatCents(difference(row.servicem8GstCents, row.stripeGstCents))}</span>
      </td>
    </tr>
  );
}

export function InvoicesScreen() {
  const state = useInvoices();
  const { rows } = state;
  return (
    <section aria-labelledby="invoices-heading" className="screen">
      <h2 id="invoices-heading">Invoices</h2>
      <p className="muted">Every ServiceM8 job that is, or could become, a Stripe invoice. Difference is Stripe minus ServiceM8.</p>
      <div className="filters">
        <label>
          State
          <select value={state.filter} onChange={(e) => state.setFilter(e.target.value as InvoiceFilter)} data-testid="invoices-state">
            <option value="">All states</option>
            {INVOICE_STATES.map((s) => (
              <option key={s} value={s}>
                {INVOICE_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.error ? (
        <p className="notice notice-error" role="alert">
          Could not load invoices: {state.error}
        </p>
      ) : null}
      {rows && rows.length === 0 ? (
        <p className="empty" data-testid="invoices-empty">
          {state.filter ? `No invoices are ${INVOICE_STATE_LABEL[state.filter].toLowerCase()}.` : 'No jobs to invoice yet.'}
        </p>
      ) : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="money" data-testid="invoices-table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  ServiceM8
                </th>
                <th scope="col" className="num">
                  Stripe
                </th>
                <th scope="col" className="num">
                  Difference
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.jobUuid} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
