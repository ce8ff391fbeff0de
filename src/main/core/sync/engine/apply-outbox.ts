// Applies due outbox rows: mark sent, parse the payload with its operation's schema
// (refusing a version this build does not know), call the API through the pair's
// handler, then record link, merge base, mirror, conflicts and audit together with
// "done" in one transaction. Transient failures go back to pending with backoff;
// validation errors become "needs attention" (failed) with the API's reason; bad
// credentials stop the cycle.
import { createLogger } from '../../logging/logger';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { Store } from '../../store/store';
import { backoffDelay } from '../../util/backoff';
import type { OperationHandler } from './pair-definition';
import type { EntityCounters } from './summary';
import type { AppliedWrite, CycleContext, SyncPair } from './sync-pair';

const log = createLogger('sync/outbox');
const BATCH = 500;
const MAX_PASSES = 1000;
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 60 * 60_000;

export class FatalSyncError extends Error {
  override readonly name = 'FatalSyncError';
}

/**
 * Sides that refuse every request for now (a write there was refused with a pause: ServiceM8's
 * daily limit), with the reason and retry time, for the rest of the cycle. Their other writes wait
 * with the same reason and time without being sent: each would only be one more refused request.
 */
export type HeldSides = Map<string, { message: string; until: string }>;

export async function applyOutbox(
  store: Store,
  pairs: Map<string, SyncPair>,
  context: CycleContext,
  counters: EntityCounters,
  concurrency = 4,
  clock: () => Date = () => new Date(),
  held: HeldSides = new Map(),
): Promise<void> {
  let done = 0;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const due = store.outbox.due(BATCH);
    if (due.length === 0) return;
    const total = done + due.length;
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        context.signal.throwIfAborted();
        const item = due[next++]!;
        await applyOne(store, pairs, item, context, counters, clock, held);
        done += 1;
        context.progress('apply', item.entity, done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, due.length)) }, worker));
  }
}

type Parsed = { ok: true; handler: OperationHandler<unknown>; payload: unknown } | { ok: false; reason: string };

/** The handler and the parsed payload, or why this build must not apply the row. */
export function parseOutboxItem(pairs: Map<string, SyncPair>, item: OutboxItem): Parsed {
  const pair = pairs.get(item.entity);
  if (!pair) return { ok: false, reason: `Needs attention: no sync pair handles "${item.entity}" writes in this version of sm8sync.` };
  const handler = pair.handlers[item.operation] as OperationHandler<unknown> | undefined;
  if (!handler) return { ok: false, reason: `Needs attention: this version of sm8sync does not know the write "${item.operation}".` };
  if (item.payloadVersion !== handler.version) {
    return {
      ok: false,
      reason: `Needs attention: this write was saved by a version of sm8sync that wrote "${item.operation}" in format ${item.payloadVersion}; this version reads format ${handler.version}. It was not sent. Dismiss it (the next sync plans it again) or update sm8sync.`,
    };
  }
  const parsed = handler.schema.safeParse(item.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `Needs attention: the saved "${item.operation}" write is unreadable (${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid'}). It was not sent.`,
    };
  }
  return { ok: true, handler, payload: parsed.data };
}

async function applyOne(
  store: Store,
  pairs: Map<string, SyncPair>,
  item: OutboxItem,
  context: CycleContext,
  counters: EntityCounters,
  clock: () => Date,
  held: HeldSides,
): Promise<void> {
  const hold = held.get(item.target);
  if (hold) {
    store.outbox.postpone(item.id, hold.message, hold.until);
    return;
  }
  store.outbox.markSent(item.id);
  const parsed = parseOutboxItem(pairs, item);
  if (!parsed.ok) {
    store.outbox.markFailed(item.id, parsed.reason);
    log.warn({ outboxId: item.id, operation: item.operation }, parsed.reason);
    counters.add(item.entity, { failed: 1 });
    return;
  }
  const pair = pairs.get(item.entity)!;
  let applied: AppliedWrite;
  try {
    applied = await parsed.handler.apply(parsed.payload, item, context);
  } catch (error) {
    const failure = pair.classify(error);
    if (failure.kind === 'transient' || failure.kind === 'auth') {
      const delay = Math.max(RETRY_BASE_MS / 5, backoffDelay(item.attempts + 1, RETRY_BASE_MS, RETRY_MAX_MS), failure.retryAfterMs ?? 0);
      const until = new Date(clock().getTime() + delay).toISOString();
      store.outbox.retryLater(item.id, failure.message, until);
      if (failure.pause && !held.has(item.target)) held.set(item.target, { message: failure.message, until });
      log.warn({ outboxId: item.id, attempts: item.attempts + 1, delay, reason: failure.message }, 'write will be retried');
      if (failure.kind === 'auth') throw new FatalSyncError(failure.message);
      return;
    }
    store.transaction(() => {
      store.outbox.markFailed(item.id, failure.message);
      store.audit.append({
        runId: context.runId,
        direction: directionOf(item),
        entity: item.entity,
        operation: item.operation,
        servicem8Id: item.subjectId,
        before: null,
        after: item.payload,
        idempotencyKey: item.idempotencyKey,
        outcome: 'failed',
        message: failure.message,
      });
    });
    counters.add(item.entity, { failed: 1 });
    return;
  }
  store.transaction(() => record(store, item, applied, context.runId, parsed.handler.describe(parsed.payload, applied)));
  counters.wrote(item.entity, item.target, parsed.handler.counts);
  if (applied.raised?.length) counters.add(item.entity, { conflicts: applied.raised.length });
}

function directionOf(item: OutboxItem): 'servicem8_to_stripe' | 'stripe_to_servicem8' {
  return item.target === 'stripe' ? 'servicem8_to_stripe' : 'stripe_to_servicem8';
}

function record(store: Store, item: OutboxItem, applied: AppliedWrite, runId: number, message: string): void {
  let link = store.links.byServiceM8Id(item.entity, applied.servicem8Id);
  // A create over a broken link (its Stripe side was deleted) replaces that side, as a repoint does.
  if (applied.link && link && (applied.link.mode === 'repoint' || link.state === 'broken')) {
    store.links.repointStripe(link.id, applied.stripeId);
  } else if (applied.link && !link) {
    link = store.links.create({
      entity: item.entity,
      servicem8Id: applied.servicem8Id,
      stripeId: applied.stripeId,
      servicem8EditedAt: applied.link.servicem8EditedAt,
      stripeEditedAt: applied.link.stripeEditedAt,
    });
  }
  if (link) {
    if (applied.linkState) store.links.touch(link.id, { state: applied.linkState });
    if (Object.keys(applied.base).length > 0) store.snapshots.merge(link.id, applied.base);
  }
  for (const write of applied.mirror) store.mirror.upsert(write);
  for (const id of applied.conflictIds) store.conflicts.markApplied(id, item.createdAt);
  for (const conflict of applied.raised ?? []) store.conflicts.raise(conflict);
  store.audit.append({
    runId,
    direction: directionOf(item),
    entity: item.entity,
    operation: item.operation,
    servicem8Id: applied.servicem8Id,
    stripeId: applied.stripeId,
    before: applied.before,
    after: applied.after,
    idempotencyKey: item.idempotencyKey,
    outcome: 'success',
    message: message || null,
  });
  store.outbox.markDone(item.id, applied.result);
  if (item.subjectId) store.outbox.supersedeFailed(item.entity, item.operation, item.subjectId, item.id);
}
