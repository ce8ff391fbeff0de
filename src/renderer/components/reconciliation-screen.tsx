// Reconciliation: the latest comparison of ServiceM8 and Stripe, what is new since the
// run before, the history of runs, and Run now.
import type { FindingView } from '../../shared/report-schemas';
import { formatTime } from '../state/format';
import { FINDING_KIND_LABEL, TRIGGER_LABEL } from '../state/money';
import { useReconciliation } from '../state/use-reconciliation';
import { NoticeLine } from './notice-line';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ReconciliationScreen({ zone }: { zone: string }) {
  const state = useReconciliation();
  const latest = state.overview?.latest ?? null;
  const history = state.overview?.history ?? [];
  const { fresh, seen } = state;
  return (
    <section aria-labelledby="recon-heading" className="screen">
      <div className="screen-head">
        <div>
          <h2 id="recon-heading">Reconciliation</h2>
          <p className="muted">A full comparison of clients, invoices and payments on both sides, to catch what a sync alone would miss.</p>
        </div>
        <button type="button" className="primary" disabled={state.running} onClick={() => void state.runNow()} data-testid="recon-run">
          {state.running ? 'Running…' : 'Run now'}
        </button>
      </div>
      <NoticeLine notice={state.notice} testId="recon-notice" />
      {state.error ? (
        <p className="notice notice-error" role="alert">
          Could not load reconciliation: {state.error}
        </p>
      ) : null}
      {state.overview && !latest ? (
        <p className="empty" data-testid="recon-empty">
          No reconciliation has run yet. Run one now, or wait for the scheduled run.
        </p>
      ) : null}
      {latest ? (
        <>
          <p data-testid="recon-latest">
            Last run {formatTime(latest.finishedAt, zone)} ({TRIGGER_LABEL[latest.summary.trigger].toLowerCase()}):{' '}
            <strong>{plural(latest.summary.findings, 'finding')}</strong>, {latest.summary.newFindings} new since the run before;{' '}
            {plural(latest.summary.linked, 'record')} matched on both sides.
          </p>
          <FindingList
            title="New since the last run"
            empty="Nothing new since the last run."
            findings={fresh}
            testId="recon-new"
            zone={zone}
          />
          <FindingList
            title="Still open from earlier runs"
            empty="Nothing left over from earlier runs."
            findings={seen}
            testId="recon-seen"
            zone={zone}
          />
        </>
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="recon-history-heading" className="needs-section">
          <h3 id="recon-history-heading">History</h3>
          <div className="table-wrap">
            <table data-testid="recon-history">
              <thead>
                <tr>
                  <th scope="col">Finished</th>
                  <th scope="col">How it started</th>
                  <th scope="col" className="num">
                    Findings
                  </th>
                  <th scope="col" className="num">
                    New
                  </th>
                  <th scope="col" className="num">
                    Matched
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((run) => (
                  <tr key={run.reportId}>
                    <td className="nowrap">{formatTime(run.summary.finishedAt, zone)}</td>
                    <td>{TRIGGER_LABEL[run.summary.trigger]}</td>
                    <td className="num">{run.summary.findings}</td>
                    <td className="num">{run.summary.newFindings}</td>
                    <td className="num">{run.summary.linked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}

function FindingList({
  title,
  empty,
  findings,
  testId,
  zone,
}: {
  title: string;
  empty: string;
  findings: FindingView[];
  testId: string;
  zone: string;
}) {
  return (
    <section aria-label={title} className="needs-section" data-testid={testId}>
      <h3>
        {title} <span className="muted">({findings.length})</span>
      </h3>
      {findings.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="fix-list">
        {findings.map((f) => (
          <li key={`${f.kind}|${f.entity}|${f.servicem8Id ?? ''}|${f.stripeId ?? ''}`} className="fix-card" data-testid="recon-finding">
            <h4 className="record-title">{f.title}</h4>
            <span className="muted small">
              {FINDING_KIND_LABEL[f.kind]} · first seen {formatTime(f.firstSeenAt, zone)}
              {f.needsPerson ? '' : ' · the next sync settles it'}
            </span>
            <p className="problem">{f.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
