// Moment 2: see both sides, pick one, approve many at once when it is the same decision.
import { useConflicts } from '../state/use-conflicts';
import { ConflictRow } from './conflict-row';
import { NoticeLine } from './notice-line';

export function ConflictsScreen({ zone }: { zone: string }) {
  const state = useConflicts();
  const { conflicts, selected, selectable, busy } = state;
  if (state.loadError)
    return (
      <p className="notice notice-error" role="alert">
        Could not load conflicts: {state.loadError}
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
  return (
    <section aria-labelledby="conflicts-heading" className="screen">
      <h2 id="conflicts-heading">Conflicts</h2>
      <p className="muted">
        Both sides changed, or the sync could not tell which record is which. Choose what to do; the next sync carries it out, and you can
        change your mind until then.
      </p>
      <NoticeLine notice={state.notice} testId="conflicts-notice" />
      {conflicts.length === 0 ? (
        <p className="empty" data-testid="conflicts-empty">
          Nothing needs your decision.
        </p>
      ) : (
        <>
          <div className="bulk-bar" role="group" aria-label="Decide for the selected conflicts">
            <span>{selected.size ? `${selected.size} selected` : 'Select rows to decide several at once'}</span>
            <button
              type="button"
              disabled={busy || selected.size === 0}
              onClick={() => void state.decide(ids, { take: 'servicem8' })}
              data-testid="bulk-keep-servicem8"
            >
              Keep ServiceM8 for selected
            </button>
            <button
              type="button"
              disabled={busy || selected.size === 0}
              onClick={() => void state.decide(ids, { take: 'stripe' })}
              data-testid="bulk-keep-stripe"
            >
              Keep Stripe for selected
            </button>
          </div>
          <div className="table-wrap">
            <table className="conflicts" data-testid="conflicts-table">
              <thead>
                <tr>
                  <th scope="col" className="select-cell">
                    <input
                      type="checkbox"
                      checked={allSelected}
                      disabled={selectable.length === 0}
                      onChange={state.toggleAll}
                      aria-label="Select all open conflicts"
                      data-testid="conflict-select-all"
                    />
                  </th>
                  <th scope="col">Record</th>
                  <th scope="col">ServiceM8</th>
                  <th scope="col">Stripe</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
