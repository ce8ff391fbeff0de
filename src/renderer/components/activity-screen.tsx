// The audit log: who, what changed in words, and how it went; searchable by name and
// exportable for the bookkeeper.
import { DIRECTION_LABEL, formatTime, OUTCOME_LABEL } from '../state/format';
import { useActivity, type OutcomeFilter } from '../state/use-activity';
import { NoticeLine } from './notice-line';

const OUTCOMES: { value: OutcomeFilter; label: string }[] = [
  { value: '', label: 'All outcomes' },
  { value: 'success', label: OUTCOME_LABEL.success },
  { value: 'failed', label: OUTCOME_LABEL.failed },
  { value: 'skipped', label: OUTCOME_LABEL.skipped },
];

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function ActivityScreen({ zone }: { zone: string }) {
  const state = useActivity();
  const { entries } = state;
  return (
    <section aria-labelledby="activity-heading" className="screen">
      <h2 id="activity-heading">Activity</h2>
      <p className="muted">Every change sm8sync made and every decision you took, newest first.</p>
      <div className="filters" role="search">
        <label className="grow">
          Search by name
          <input
            type="search"
            value={state.text}
            onChange={(e) => state.setText(e.target.value)}
            placeholder="Client name, message, id…"
            data-testid="activity-search"
          />
        </label>
        <label>
          Record type
          <select value={state.entity} onChange={(e) => state.setEntity(e.target.value)} data-testid="activity-entity">
            <option value="">All</option>
            {state.entities.map((entity) => (
              <option key={entity} value={entity}>
                {capital(entity)}s
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
      {entries && entries.length === 0 ? (
        <p className="empty" data-testid="activity-empty">
          {state.text.trim() ? `Nothing matches "${state.text.trim()}".` : 'No activity yet.'}
        </p>
      ) : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="activity" data-testid="activity-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What happened</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={`outcome-${entry.outcome}`}>
                  <td className="when">{formatTime(entry.at, zone)}</td>
                  <td className="who">
                    {entry.name ?? <span className="muted">{capital(entry.entity)}</span>}
                    <span className="muted small block">{DIRECTION_LABEL[entry.direction]}</span>
                  </td>
                  <td className="what">{entry.message ?? entry.operation.replaceAll('_', ' ')}</td>
                  <td>
                    <span className={`outcome outcome-${entry.outcome}`}>{OUTCOME_LABEL[entry.outcome]}</span>
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
