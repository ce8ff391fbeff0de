// The audit log: every write and every decision, filterable, exportable for the bookkeeper.
import { DIRECTION_LABEL, formatOperation, formatTime } from '../state/format';
import { useActivity, type OutcomeFilter } from '../state/use-activity';
import { NoticeLine } from './notice-line';

const OUTCOMES: { value: OutcomeFilter; label: string }[] = [
  { value: '', label: 'All outcomes' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'skipped', label: 'Skipped' },
];

export function ActivityScreen({ zone }: { zone: string }) {
  const state = useActivity();
  const { entries } = state;
  return (
    <section aria-labelledby="activity-heading" className="screen">
      <h2 id="activity-heading">Activity</h2>
      <div className="filters" role="search">
        <label>
          Record type
          <select value={state.entity} onChange={(e) => state.setEntity(e.target.value)} data-testid="activity-entity">
            <option value="">All</option>
            {state.entities.map((entity) => (
              <option key={entity} value={entity}>
                {entity}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={state.outcome} onChange={(e) => state.setOutcome(e.target.value as OutcomeFilter)} data-testid="activity-outcome">
            {OUTCOMES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Search
          <input
            type="search"
            value={state.text}
            onChange={(e) => state.setText(e.target.value)}
            placeholder="Name, id, message…"
            data-testid="activity-search"
          />
        </label>
        <button type="button" onClick={() => void state.exportCsv()} data-testid="activity-export">
          Export CSV
        </button>
      </div>
      <NoticeLine notice={state.notice} testId="activity-notice" />
      {state.loadError ? (
        <p className="notice notice-error" role="alert">
          Could not load activity: {state.loadError}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p className="empty">No activity matches.</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="activity" data-testid="activity-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Direction</th>
                <th scope="col">Record</th>
                <th scope="col">IDs</th>
                <th scope="col">Outcome</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={`outcome-${entry.outcome}`}>
                  <td className="nowrap">{formatTime(entry.at, zone)}</td>
                  <td>{DIRECTION_LABEL[entry.direction]}</td>
                  <td>
                    {entry.entity} {formatOperation(entry.operation)}
                  </td>
                  <td className="ids">{[entry.servicem8Id, entry.stripeId].filter(Boolean).join(' ⇄ ')}</td>
                  <td>
                    <span className={`outcome outcome-${entry.outcome}`}>{entry.outcome}</span>
                  </td>
                  <td>{entry.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
