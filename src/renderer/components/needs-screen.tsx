// Needs you: everything waiting for a person, in one place — decisions, records to fix
// at the source, and writes a service refused.
import { refusedWords } from '../../shared/refused-words';
import { formatTime, SIDE_LABEL } from '../state/format';
import { useFailures, useQuarantine } from '../state/use-needs';
import { ConflictsScreen } from './conflicts-screen';
import { NoticeLine } from './notice-line';

type Records = NonNullable<ReturnType<typeof useQuarantine>['records']>;

function QuarantineCards({ records, zone }: { records: Records; zone: string }) {
  return (
    <ul className="fix-list">
      {records.map((record) => (
        <li key={record.id} className="fix-card" data-testid={`quarantine-${record.id}`}>
          <h4 className="record-title">{record.name ?? record.recordId}</h4>
          <span className="muted small">
            {record.what ?? `${SIDE_LABEL[record.side]} ${record.object}`} · seen {formatTime(record.lastSeenAt, zone)}
          </span>
          <p className="problem">{record.problem ?? record.reason}</p>
          <p className="small">{record.fix}</p>
          {record.link ? (
            <a href={record.link} target="_blank" rel="noreferrer noopener" data-testid={`quarantine-link-${record.id}`}>
              {record.linkLabel ?? 'Open'}
              <span className="visually-hidden"> for {record.name} (opens in a new window)</span>
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function QuarantineSection({ zone }: { zone: string }) {
  const { records, error } = useQuarantine();
  // Stripe change notices that could not be read ask nothing of anyone: a note of their own, not records to fix.
  const toFix = (records ?? []).filter((r) => !r.nothingToDo);
  const notes = (records ?? []).filter((r) => r.nothingToDo);
  return (
    <section aria-labelledby="quarantine-heading" className="needs-section" data-testid="quarantine-section">
      <h3 id="quarantine-heading">
        Records to fix <span className="muted">({toFix.length})</span>
      </h3>
      <p className="muted">These records were set aside because something in them cannot be synced. Fix them where they live.</p>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {records && toFix.length === 0 ? (
        <p className="empty" data-testid="quarantine-empty">
          No records to fix.
        </p>
      ) : null}
      <QuarantineCards records={toFix} zone={zone} />
      {notes.length > 0 ? (
        <div data-testid="quarantine-notes">
          <h4>Changes Stripe sent that could not be read — nothing to do</h4>
          <QuarantineCards records={notes} zone={zone} />
        </div>
      ) : null}
    </section>
  );
}

function FailuresSection({ zone }: { zone: string }) {
  const state = useFailures();
  const { failures, selected, busy } = state;
  const ids = [...selected];
  return (
    <section aria-labelledby="failures-heading" className="needs-section" data-testid="failures-section">
      <h3 id="failures-heading">
        Refused writes <span className="muted">({failures?.length ?? 0})</span>
      </h3>
      <p className="muted">A service refused these changes. Send them again once the cause is fixed, or dismiss them.</p>
      <NoticeLine notice={state.notice} testId="failures-notice" />
      {state.error ? <p className="notice notice-error">{state.error}</p> : null}
      {failures && failures.length === 0 ? (
        <p className="empty" data-testid="failures-empty">
          No refused writes.
        </p>
      ) : null}
      {failures && failures.length > 0 ? (
        <div className="bulk-bar" role="group" aria-label="For the selected refused writes">
          <span>{selected.size ? `${selected.size} selected` : 'Select several to act on them at once'}</span>
          <button type="button" disabled={busy || !ids.length} onClick={() => void state.settle(ids, 'retry')} data-testid="bulk-retry">
            Send again
          </button>
          <button type="button" disabled={busy || !ids.length} onClick={() => void state.settle(ids, 'dismiss')} data-testid="bulk-dismiss">
            Dismiss
          </button>
        </div>
      ) : null}
      <ul className="fix-list">
        {(failures ?? []).map((item) => (
          <li key={item.id} className="fix-card" data-testid={`failure-${item.id}`}>
            <div className="conflict-head">
              <input
                type="checkbox"
                checked={selected.has(item.id)}
                onChange={() => state.toggle(item.id)}
                aria-label={`Select ${item.title}: ${item.what}`}
              />
              <div>
                <h4 className="record-title">{item.title}</h4>
                <span className="muted small">
                  To {SIDE_LABEL[item.target]} · {formatTime(item.failedAt, zone)} · {item.attempts} attempt{item.attempts === 1 ? '' : 's'}
                </span>
              </div>
            </div>
            <p>{item.what}</p>
            <p className="problem">{refusedWords(item.reason, item.target)}</p>
            <div className="row-actions">
              <button type="button" disabled={busy} onClick={() => void state.settle([item.id], 'retry')} data-testid={`retry-${item.id}`}>
                Send again
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void state.settle([item.id], 'dismiss')}
                data-testid={`dismiss-${item.id}`}
              >
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NeedsScreen({ zone }: { zone: string }) {
  return (
    <section aria-labelledby="needs-heading" className="screen">
      <h2 id="needs-heading">Needs you</h2>
      <ConflictsScreen zone={zone} />
      <QuarantineSection zone={zone} />
      <FailuresSection zone={zone} />
    </section>
  );
}
