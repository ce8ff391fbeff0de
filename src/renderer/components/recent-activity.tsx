import { useActivity } from '../state/use-activity';
import { DIRECTION_LABEL, formatOperation, formatTime } from '../state/format';

/** The last few writes and decisions, on the Status screen. */
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
            <span>
              {DIRECTION_LABEL[entry.direction]} · {entry.entity} {formatOperation(entry.operation)}
              {entry.message ? ` — ${entry.message}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
