// A person's decision on one or many conflicts. Each decision is its own transaction
// (the conflict moves to `resolved` and a `local` audit row records who-chose-what),
// so one already-resolved id does not undo the others; the next sync applies them.
import type { Store } from '../store/store';
import { SIDE_LABEL } from '../../../shared/labels';

export type Take = 'servicem8' | 'stripe';

export interface ResolveOutcome {
  resolved: number[];
  failed: { id: number; reason: string }[];
}

export function resolveConflicts(store: Store, ids: number[], take: Take): ResolveOutcome {
  const outcome: ResolveOutcome = { resolved: [], failed: [] };
  for (const id of new Set(ids)) {
    const current = store.conflicts.get(id);
    if (!current) {
      outcome.failed.push({ id, reason: 'not found' });
      continue;
    }
    if (current.state !== 'open') {
      outcome.failed.push({ id, reason: `already ${current.state}` });
      continue;
    }
    const chosen = take === 'servicem8' ? current.servicem8Value : current.stripeValue;
    const done = store.transaction(() => {
      const resolved = store.conflicts.resolve(id, take, chosen);
      if (!resolved) return false;
      store.audit.append({
        direction: 'local',
        entity: current.entity,
        operation: 'resolve_conflict',
        servicem8Id: current.servicem8Id,
        stripeId: current.stripeId,
        before: { kind: current.kind, field: current.field, servicem8: current.servicem8Value, stripe: current.stripeValue },
        after: { take, value: chosen },
        outcome: 'success',
        message: `Kept the ${SIDE_LABEL[take]} ${current.field ?? 'record'}; applies at the next sync.`,
      });
      return true;
    });
    if (done) outcome.resolved.push(id);
    else outcome.failed.push({ id, reason: 'changed while resolving' });
  }
  return outcome;
}
