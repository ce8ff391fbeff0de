// Moment 1: glance at the state, when the last good sync was, what is waiting. Every
// sentence here comes from the status view in main; this screen only lays it out.
import type { StatusState } from '../state/use-status';
import { formatTime, STATE_LABEL } from '../state/format';
import type { Screen } from '../state/use-screen';
import { ActivityChart } from './activity-chart';
import { NoticeLine } from './notice-line';
import { RecentActivity } from './recent-activity';
import { StateIcon } from './state-icon';

export function StatusScreen({ state, onOpen }: { state: StatusState; onOpen: (screen: Screen) => void }) {
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
  const waiting = counts.openConflicts + counts.quarantined + counts.needsAttention;
  return (
    <section aria-labelledby="status-heading" className="screen">
      <div className={`hero state-${status.state}`} data-testid="status-hero">
        <StateIcon state={status.state} size={48} />
        <div>
          <p className="hero-label">{STATE_LABEL[status.state]}</p>
          <h2 id="status-heading" data-testid="status-headline">
            {status.headline}
          </h2>
          <p className="muted">
            Last good sync: {formatTime(status.lastGoodSyncAt, zone, 'never')}
            {status.lastError && status.state !== 'failing' ? ` · Last error: ${status.lastError}` : ''}
          </p>
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
          {status.paused ? 'Resume scheduled syncs' : 'Pause scheduled syncs'}
        </button>
        {waiting > 0 ? (
          <button type="button" className="link" onClick={() => onOpen('needs')} data-testid="open-needs">
            Open Needs you ({waiting})
          </button>
        ) : null}
        {!connected ? (
          <button type="button" className="link" onClick={() => onOpen('connect')}>
            Open Connect
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="progress-line" data-testid="sync-progress">
        {running ? (
          <>
            <span>{running.text ?? running.phase}</span>
            <progress
              max={running.total ?? undefined}
              value={running.total ? running.done : undefined}
              aria-label={running.total ? `${running.done} of ${running.total}` : 'Working'}
            />
          </>
        ) : null}
      </div>
      <NoticeLine notice={notice} testId="sync-notice" />

      <dl className="facts">
        <div>
          <dt>Last sync</dt>
          <dd>{formatTime(status.lastSyncAt, zone, 'Never')}</dd>
        </div>
        <div>
          <dt>Next sync</dt>
          <dd>{formatTime(status.nextSyncAt, zone, status.paused ? 'Paused' : 'Not scheduled')}</dd>
        </div>
        {counts.linked.map((pair) => (
          <div key={pair.entity}>
            <dt>{pair.label}</dt>
            <dd data-testid={`linked-${pair.entity}`}>
              {pair.count} linked
              {pair.servicem8 !== undefined && pair.stripe !== undefined ? (
                <span className="muted small block">
                  ServiceM8 {pair.servicem8} · Stripe {pair.stripe}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
        <div>
          <dt>Waiting to send</dt>
          <dd data-testid="count-pending">{counts.pendingWrites}</dd>
        </div>
        <div>
          <dt>Decisions</dt>
          <dd data-testid="count-decisions">{counts.openConflicts}</dd>
        </div>
        <div>
          <dt>Records to fix</dt>
          <dd data-testid="count-quarantined">{counts.quarantined}</dd>
        </div>
        <div>
          <dt>Refused writes</dt>
          <dd data-testid="count-refused">{counts.needsAttention}</dd>
        </div>
        <div>
          <dt>ServiceM8 requests</dt>
          <dd>
            {budget.usedLastMinute}/{budget.perMinute} this minute
            <span className="muted small block">
              {Math.max(0, budget.perDay - budget.usedToday).toLocaleString('en-AU')} of {budget.perDay.toLocaleString('en-AU')} left today
            </span>
          </dd>
        </div>
      </dl>
      <p className="muted small">Times are shown in {zone}.</p>
      <ActivityChart />
      <RecentActivity zone={zone} />
    </section>
  );
}
