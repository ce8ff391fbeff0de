// Decisions: see both sides, pick one, decide many at once when it is the same decision.
import { useConflicts } from '../state/use-conflicts';
import { ConflictRow } from './conflict-row';
import { NoticeLine } from './notice-line';

export function ConflictsScreen({ zone }: { zone: string }) {
  const state = useConflicts();
  const { conflicts, selected, selectable, busy, bulkActions } = state;
  if (state.loadError)
    return (
      <p className="notice notice-error" role="alert">
        Could not load the decisions: {state.loadError}
      </p>
    );
  if (!conflicts)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  const ids = [...selected];
  const allSelected = selectable.length > 0 && selected.size === selectable.length;
  const open = conflicts.filter((c) => c.state === 'open').length;
  return (
    <section aria-labelledby="conflicts-heading" className="needs-section">
      <h3 id="conflicts-heading">
        Decisions{' '}
        <span className="muted">
          ({open} open{conflicts.length > open ? `, ${conflicts.length - open} decided` : ''})
        </span>
      </h3>
      <p className="muted">
        Both sides changed, or the sync could not tell which record is which. Choose what to do; the next sync carries it out, and you can
        change your mind until then.
      </p>
      <NoticeLine notice={state.notice} testId="conflicts-notice" />
      {conflicts.length === 0 ? (
        <p className="empty" data-testid="conflicts-empty">
          No decisions waiting.
        </p>
      ) : (
        <>
          {selectable.length > 0 ? (
            <div className="bulk-bar" role="group" aria-label="Decide for the selected conflicts">
              <label className="select-all">
                <input
                  type="checkbox"
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={state.toggleAll}
                  data-testid="conflict-select-all"
                />
                Select all open
              </label>
              <span>{selected.size ? `${selected.size} selected` : 'Select several to decide them at once'}</span>
              {selected.size > 0 && bulkActions.length === 0 ? (
                <span className="muted small">The selected questions have no decision in common.</span>
              ) : null}
              {bulkActions.map((action) => (
                <button
                  key={action.name}
                  type="button"
                  disabled={busy || selected.size === 0}
                  onClick={() => void state.decide(ids, { action: action.name })}
                  data-testid={`bulk-${action.name.replaceAll('_', '-')}`}
                >
                  {action.label} for {selected.size} selected
                </button>
              ))}
            </div>
          ) : null}
          <ul className="conflict-list" data-testid="conflicts-table">
            {conflicts.map((conflict) => (
              <ConflictRow
                key={conflict.id}
                conflict={conflict}
                zone={zone}
                selected={selected.has(conflict.id)}
                busy={busy}
                onToggle={state.toggle}
                onDecide={(rowIds, decision) => void state.decide(rowIds, decision)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
