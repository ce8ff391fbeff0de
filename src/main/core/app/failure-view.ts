// Writes an API refused, as a person reads them: the record's name, what the write was
// in words, and the API's reason. Retrying puts the write back in the outbox for the
// next sync; dismissing settles it without sending (audited either way).
import type { FailureView } from '../../../shared/api';
import type { OutboxItem } from '../store/repositories/outbox-repository';
import type { Store } from '../store/store';
import type { PairLookup } from './pair-lookup';

export function toFailureView(store: Store, pairs: PairLookup, item: OutboxItem): FailureView {
  const operation = pairs.get(item.entity)?.operations[item.operation];
  const parsed = operation?.schema.safeParse(item.payload);
  const what = operation && parsed?.success ? operation.describe(parsed.data, null) : item.operation.replaceAll('_', ' ');
  const id = item.subjectId;
  const name = id ? (pairs.nameOf(store, item.entity, 'servicem8', id) ?? pairs.nameOf(store, item.entity, 'stripe', id)) : null;
  return {
    id: item.id,
    entity: item.entity,
    target: item.target,
    operation: item.operation,
    title: name ?? id ?? item.entity,
    what,
    // The API's own reason (the `failures` contract); the window words it (shared/refused-words.ts).
    reason: item.lastError ?? 'The service refused this write.',
    attempts: item.attempts,
    failedAt: item.updatedAt,
  };
}

export interface FailureOutcome {
  resolved: number[];
  failed: { id: number; reason: string }[];
}

export function settleFailures(store: Store, ids: number[], how: 'retry' | 'dismiss'): FailureOutcome {
  const outcome: FailureOutcome = { resolved: [], failed: [] };
  for (const id of new Set(ids)) {
    const item = store.outbox.get(id);
    if (!item || item.state !== 'failed') {
      outcome.failed.push({ id, reason: item ? `not a refused write (it is ${item.state})` : 'not found' });
      continue;
    }
    store.transaction(() => {
      if (how === 'retry') store.outbox.requeue(id);
      else store.outbox.dismiss(id);
      store.audit.append({
        direction: 'local',
        entity: item.entity,
        operation: how === 'retry' ? 'retry_write' : 'dismiss_write',
        servicem8Id: item.subjectId,
        before: { operation: item.operation, reason: item.lastError },
        after: null,
        outcome: 'success',
        message:
          how === 'retry' ? 'Asked to send the refused write again at the next sync.' : 'Dismissed the refused write; it will not be sent.',
      });
    });
    outcome.resolved.push(id);
  }
  return outcome;
}
