// GST report: a month and a basis, BAS G1 (total sales) and 1A (GST on sales) as each
// side has them and the difference, the rows that do not match with why, and the CSV.
import type { GstReportView } from '../../shared/report-schemas';
import { formatCents, GST_STATUS_LABEL, monthLabel, monthOf, sentence } from '../state/money';
import { useGstReport, type GstBasis } from '../state/use-gst-report';
import { NoticeLine } from './notice-line';
import { MonthPicker } from './month-picker';
import { StatePill } from './state-pill';
import { SideBySideHeads } from './side-by-side-heads';

const BASIS_LABEL: Record<GstBasis, string> = { accrual: 'Accrual (invoice date)', cash: 'Cash (payment date)' };

function Totals({ report }: { report: GstReportView }) {
  const { servicem8, stripe, difference } = report.totals;
  return (
    <div className="table-wrap">
      <table className="money" data-testid="gst-totals">
        <caption className="visually-hidden">
          BAS totals for {monthLabel(report.month)}, {report.basis} basis
        </caption>
        <thead>
          <tr>
            <th scope="col">BAS label</th>
            <SideBySideHeads />
          </tr>
        </thead>
        <tbody>
          <tr data-testid="gst-g1">
            <th scope="row">G1 Total sales (incl. GST)</th>
            <td className="num">{formatCents(servicem8.salesCents)}</td>
            <td className="num">{formatCents(stripe.salesCents)}</td>
            <td className={`num ${difference.salesCents ? 'differs' : ''}`}>{formatCents(difference.salesCents)}</td>
          </tr>
          <tr data-testid="gst-1a">
            <th scope="row">1A GST on sales</th>
            <td className="num">{formatCents(servicem8.gstCents)}</td>
            <td className="num">{formatCents(stripe.gstCents)}</td>
            <td className={`num ${difference.gstCents ? 'differs' : ''}`}>{formatCents(difference.gstCents)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function GstScreen({ zone }: { zone: string }) {
  const current = monthOf(new Date(), zone);
  const state = useGstReport(current);
  const { report } = state;
  return (
    <section aria-labelledby="gst-heading" className="screen">
      <h2 id="gst-heading">GST report</h2>
      <p className="muted">
        The month&apos;s sales and GST as ServiceM8 and Stripe each have them, for your BAS. Difference is Stripe minus ServiceM8.
      </p>
      <div className="filters">
        <MonthPicker value={state.month} current={current} onChange={state.setMonth} testId="gst-month" />
        <label>
          Basis
          <select
            value={state.basis ?? report?.basis ?? 'accrual'}
            onChange={(e) => state.setBasis(e.target.value as GstBasis)}
            data-testid="gst-basis"
          >
            {(['accrual', 'cash'] as const).map((b) => (
              <option key={b} value={b}>
                {BASIS_LABEL[b]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={state.showMatched}
            onChange={(e) => state.setShowMatched(e.target.checked)}
            data-testid="gst-all"
          />
          Show matching rows too
        </label>
        <button type="button" onClick={() => void state.exportCsv()} data-testid="gst-export">
          Export CSV
        </button>
      </div>
      <NoticeLine notice={state.notice} testId="gst-notice" />
      {state.error ? (
        <p className="notice notice-error" role="alert">
          Could not build the report: {state.error}
        </p>
      ) : null}
      {report ? (
        <>
          <Totals report={report} />
          <h3 className="section-title">{state.showMatched ? 'Every invoice' : 'What does not match'}</h3>
          {report.rows.length === 0 ? (
            <p className="empty" data-testid="gst-empty">
              {state.showMatched ? `No invoices in ${monthLabel(report.month)}.` : `Everything in ${monthLabel(report.month)} matches.`}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="money" data-testid="gst-rows">
                <thead>
                  <tr>
                    <th scope="col">Invoice</th>
                    <th scope="col">Status</th>
                    <SideBySideHeads />
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={`${row.servicem8JobUuid ?? ''}|${row.stripeInvoiceId ?? ''}|${row.paymentDate ?? ''}`} data-testid="gst-row">
                      <td>
                        {row.servicem8JobNumber ? `Job ${row.servicem8JobNumber}` : (row.stripeInvoiceNumber ?? 'Stripe invoice')}
                        <span className="muted small block">{row.clientName ?? ''}</span>
                      </td>
                      <td className="reason">
                        <StatePill state={row.status} label={GST_STATUS_LABEL[row.status]} />
                        <span className="muted small block">{sentence(row.reason)}</span>
                      </td>
                      <td className="num">
                        {formatCents(row.servicem8TotalInc)}
                        <span className="muted small block">GST {formatCents(row.servicem8Gst)}</span>
                      </td>
                      <td className="num">
                        {formatCents(row.stripeTotalInc)}
                        <span className="muted small block">GST {formatCents(row.stripeGst)}</span>
                      </td>
                      <td className="num">
                        {formatCents(row.differenceTotal)}
                        <span className="muted small block">GST {formatCents(row.differenceGst)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
