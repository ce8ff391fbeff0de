// Invoices: every job that is or could be an invoice, its state and the reason in words,
// the totals and GST each side has and the difference, filtered by state.
import { INVOICE_STATES, type InvoiceAction, type InvoiceView } from '../../shared/api';
import { difference, formatCents, INVOICE_STATE_LABEL, sentence } from '../state/money';
import { stripeInvoiceStatusLabel } from '../../shared/labels';
import { useInvoices, type InvoiceFilter, type InvoicesState } from '../state/use-invoices';
import { NoticeLine } from './notice-line';
import { StatePill } from './state-pill';
import { SideBySideHeads } from './side-by-side-heads';

/** The button words, and what each does (read by screen readers with the job's name). */
const ACTION: Record<InvoiceAction, { label: string; does: string }> = {
  send_now: { label: 'Send now', does: 'send it to Stripe now' },
  retry: { label: 'Retry', does: 'send the refused write again' },
  skip: { label: 'Skip', does: 'do not bill it in Stripe' },
  unskip: { label: 'Don’t skip', does: 'bill it in Stripe as the settings say' },
};

/** Only https pages of the two services open from here (the Electron shell checks the same). */
const LINK_HOSTS = new Set(['go.servicem8.com', 'dashboard.stripe.com']);
function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && LINK_HOSTS.has(parsed.hostname) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "Open in ServiceM8 ↗", heard as "Open in ServiceM8: Job 1042 (opens in your browser)". */
function ExternalLink({ url, service, name }: { url: string | null; service: string; name: string }) {
  const href = safeLink(url);
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`Open in ${service}: ${name} (opens in your browser)`}
      data-testid={`invoice-open-${service === 'Stripe' ? 'stripe' : 'servicem8'}`}
    >
      Open in {service}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

function Row({ row, state }: { row: InvoiceView; state: InvoicesState }) {
  const name = row.jobNumber ? `Job ${row.jobNumber}` : 'Job without a number';
  return (
    <tr data-testid="invoice-row">
      <td>
        {name}
        <span className="muted small block">{row.client ?? 'No client'}</span>
        <span className="row-links small">
          <ExternalLink url={row.servicem8Url} service="ServiceM8" name={name} />
          <ExternalLink url={row.stripeUrl} service="Stripe" name={name} />
        </span>
      </td>
      <td className="reason">
        <StatePill state={row.state} label={INVOICE_STATE_LABEL[row.state]} />
        {row.reason ? <span className="muted small block">{sentence(row.reason)}</span> : null}
        {row.stripeStatus ? <span className="muted small block">In Stripe: {stripeInvoiceStatusLabel(row.stripeStatus)}</span> : null}
        {row.actions.length ? (
          <span className="row-actions invoice-actions">
            {row.actions.map((action) => (
              <button
                key={action}
                type="button"
                disabled={state.busy}
                onClick={() => void state.act(row, action)}
                aria-label={`${ACTION[action].label}: ${name} — ${ACTION[action].does}`}
                data-testid={`invoice-${action}`}
              >
                {ACTION[action].label}
              </button>
            ))}
          </span>
        ) : null}
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
      <NoticeLine notice={state.notice} testId="invoices-notice" />
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
                <SideBySideHeads />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.jobUuid ?? row.stripeInvoiceId} row={row} state={state} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
