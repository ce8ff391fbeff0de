import { useActivity } from '../state/use-activity';
import { DIRECTION_LABEL, formatTime, OUTCOME_LABEL } from '../state/format';

/** The last few writes and decisions, on the Status screen: who, what, and how it went. */
export function RecentActivity({ zone }: { zone: string }) {
  const { entries, loadError } = useActivity(8);
  return (
    <section aria-labelledby="recent-heading" className="recent">
      <h3 id="recent-heading">Recent activity</h3>
      {loadError ? <p className="notice notice-error">{loadError}</p> : null}
      {entries && entries.length === 0 ? <p className="muted">Nothing yet. Activity appears here after the first sync.</p> : null}
      <ul className="recent-list">
        {(entries ?? []).map((entry) => (
          <li key={entry.id} className={`outcome-${entry.outcome}`}>
            <span className="recent-time">{formatTime(entry.at, zone)}</span>
            <span className="recent-text">
              <strong>{entry.name ?? entry.entity}</strong> — {entry.message ?? entry.operation.replaceAll('_', ' ')}
              <span className="muted small block">
                {DIRECTION_LABEL[entry.direction]} · {OUTCOME_LABEL[entry.outcome]}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
