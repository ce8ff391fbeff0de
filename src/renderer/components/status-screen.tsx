// Moment 1: glance at the state, when the last good sync was, what is waiting.
import type { StatusState } from '../state/use-status';
import { formatTime } from '../state/format';
import { NoticeLine } from './notice-line';
import { StateIcon } from './state-icon';
import { STATE_LABEL } from '../state/format';
import { RecentActivity } from './recent-activity';

export function StatusScreen({ state, onOpenConflicts }: { state: StatusState; onOpenConflicts: () => void }) {
  const { status, loadError, busy, notice } = state;
  if (loadError)
    return (
      <p className="notice notice-error" role="alert">
        Could not load the status: {loadError}
      </p>
    );
  if (!status)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  const zone = status.businessTimeZone;
  const { counts, running } = status;
  const budget = status.rateBudget.servicem8;
  const connected = status.state !== 'not_connected';
  return (
    <section aria-labelledby="status-heading" className="screen">
      <div className={`hero state-${status.state}`} data-testid="status-hero">
        <StateIcon state={status.state} size={48} />
        <div>
          <h2 id="status-heading">{STATE_LABEL[status.state]}</h2>
          <p className="headline">{status.headline}</p>
          {status.lastError && status.state !== 'failing' ? <p className="muted">Last error: {status.lastError}</p> : null}
        </div>
      </div>

      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void state.syncNow()}
          disabled={!connected || busy !== null || running !== null}
          data-testid="sync-now"
        >
          {busy === 'sync' || running ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={() => void state.togglePause()} disabled={!connected || busy !== null} data-testid="pause-toggle">
          {status.paused ? 'Resume sync' : 'Pause sync'}
        </button>
        {counts.openConflicts > 0 ? (
          <button type="button" className="link" onClick={onOpenConflicts}>
            Review {counts.openConflicts} conflict{counts.openConflicts === 1 ? '' : 's'}
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="progress-line" data-testid="sync-progress">
        {running ? (
          <>
            <span>
              {running.phase}
              {running.entity ? ` · ${running.entity}` : ''}
              {running.total ? ` · ${running.done} of ${running.total}` : ''}
            </span>
            <progress max={running.total ?? undefined} value={running.total ? running.done : undefined} />
          </>
        ) : null}
      </div>
      <NoticeLine notice={notice} testId="sync-notice" />

      <dl className="facts">
        <div>
          <dt>Last good sync</dt>
          <dd>{formatTime(status.lastGoodSyncAt, zone, 'Never')}</dd>
        </div>
        <div>
          <dt>Last sync</dt>
          <dd>{formatTime(status.lastSyncAt, zone, 'Never')}</dd>
        </div>
        <div>
          <dt>Next sync</dt>
          <dd>{formatTime(status.nextSyncAt, zone, status.state === 'paused' ? 'Paused' : 'Not scheduled')}</dd>
        </div>
        {counts.linked.map((pair) => (
          <div key={pair.entity}>
            <dt>Linked {pair.label.toLowerCase()}</dt>
            <dd data-testid={`linked-${pair.entity}`}>{pair.count}</dd>
          </div>
        ))}
        <div>
          <dt>Waiting to send</dt>
          <dd>{counts.pendingWrites}</dd>
        </div>
        <div>
          <dt>Conflicts to approve</dt>
          <dd>{counts.openConflicts}</dd>
        </div>
        <div>
          <dt>Failed writes</dt>
          <dd>{counts.needsAttention}</dd>
        </div>
        <div>
          <dt>Quarantined records</dt>
          <dd>{counts.quarantined}</dd>
        </div>
        <div>
          <dt>ServiceM8 requests</dt>
          <dd>
            {budget.usedLastMinute}/{budget.perMinute} this minute · {budget.usedToday.toLocaleString('en-AU')}/
            {budget.perDay.toLocaleString('en-AU')} today
          </dd>
        </div>
      </dl>
      <p className="muted small">Times are shown in {zone}.</p>
      <RecentActivity zone={zone} />
    </section>
  );
}
