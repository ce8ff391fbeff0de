// Saves a pair's plan: the links matching found, merge bases that caught up, the
// questions for a person, and the writes as outbox rows. Runs inside the same
// transaction as the pair's cursors, so a crash loses neither the plan nor a change.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/store';
import type { OperationDefinition } from './pair-definition';
import type { PairPlan } from './plan-types';

/**
 * The operation says how its key is made. `content`: from what it writes, so the same
 * create planned twice (by a re-plan, or a second process) is one request. `run`: the
 * run is part of the key, so changing a value back and forth sends each change.
 */
export function idempotencyKey(
  runId: number,
  entity: string,
  operation: Pick<OperationDefinition, 'name' | 'idempotency'>,
  subjectId: string,
  payload: unknown,
): string {
  if (operation.idempotency === 'content') {
    const digest = createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 16);
    return `sm8sync-${entity}-${operation.name}-${subjectId}-${digest}`;
  }
  return `sm8sync-${runId}-${entity}-${operation.name}-${subjectId}`;
}

/** `plannedAt`: when the plan was read (decisions made later are left for the next cycle). */
export function persistPlan(
  store: Store,
  plan: PairPlan,
  runId: number,
  operations: Record<string, OperationDefinition>,
  plannedAt?: string,
): void {
  for (const link of plan.links) {
    if (store.links.byStripeId(link.entity, link.stripeId)) continue;
    const stored = store.links.byServiceM8Id(link.entity, link.servicem8Id);
    // A broken link (its Stripe side was deleted) is re-pointed at the match that replaces it, keeping its history.
    if (stored?.state === 'broken') store.links.repointStripe(stored.id, link.stripeId);
    else if (!stored) store.links.create(link);
  }
  for (const base of plan.bases) {
    const link = store.links.byServiceM8Id(base.entity, base.servicem8Id);
    if (link) store.snapshots.merge(link.id, base.fields);
  }
  for (const conflict of plan.conflicts) store.conflicts.raise(conflict);
  for (const id of plan.settledConflicts) store.conflicts.markApplied(id, plannedAt);
  for (const { id, reason } of plan.unresolvable) store.conflicts.reopen(id, `Could not apply the decision: ${reason}`);
  for (const key of plan.settledQuestions) store.conflicts.dismissByKey(key);
  for (const write of plan.writes) {
    const operation = operations[write.operation];
    if (!operation) throw new Error(`the ${write.entity} pair planned "${write.operation}", which it does not declare`);
    // The very same write already failed and waits for a person: queueing it again would only fail again.
    if (store.outbox.hasFailedTwin(write.entity, write.operation, write.subjectId, write.payload)) continue;
    const link = write.target === 'stripe' ? store.links.byServiceM8Id(write.entity, write.subjectId) : null;
    store.outbox.enqueue({
      runId,
      entity: write.entity,
      target: write.target,
      operation: write.operation,
      linkId: link?.id ?? null,
      subjectId: write.subjectId,
      payload: write.payload,
      payloadVersion: operation.version,
      idempotencyKey: idempotencyKey(runId, write.entity, operation, write.subjectId, write.payload),
      priority: write.priority,
    });
  }
}
