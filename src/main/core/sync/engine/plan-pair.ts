// One pair's turn in a cycle, before its writes are applied: pull and plan (the pair's
// prepare, reading the shared feeds as itself), count, list the planned writes, and
// (unless a dry run) persist the plan with the pair's cursors in one transaction. The
// last reader of a shared feed also moves the feed's cursor and sets its unreadable
// events aside.
import type { SyncResult } from '../../../../shared/api';
import type { Store } from '../../store/store';
import { feedCursorName, type ChangeFeed, type CycleFeeds, type FeedBatch } from './change-feed';
import { persistPlan } from './persist-plan';
import type { EntityCounters } from './summary';
import type { CycleContext, SyncPair } from './sync-pair';

export interface PairTurn {
  store: Store;
  clock: () => Date;
  /** The feeds as configured (where each sets its unreadable events aside). */
  sources: readonly ChangeFeed[];
  context: CycleContext;
  counters: EntityCounters;
  plan: SyncResult['plan'];
  feeds: CycleFeeds;
  /** Per feed, the entity of its last reader (lastReaders). */
  lastReader: Map<string, string>;
  runId: number;
  dryRun: boolean;
}

/**
 * Pull, plan and (unless a dry run) persist one pair's writes. Its own frame, so what
 * the pair prepared (its pulled records, its world, the writes' payloads) can be
 * collected before the writes are applied, which on a first sync takes minutes.
 */
export async function planPair(pair: SyncPair, turn: PairTurn): Promise<void> {
  const { store, context, counters, plan, feeds } = turn;
  const { entity } = pair.definition;
  context.progress('pull', entity, 0, null);
  const plannedAt = turn.clock().toISOString();
  // Each pair reads the shared feeds as itself: a rescan when an event it may need could not be read.
  const declared = pair.definition.feeds ?? {};
  const prepared = await pair.prepare({ ...context, feed: (name) => feeds.read(name, declared[name] ?? []) });
  const feedsDone = [...turn.lastReader].filter(([, reader]) => reader === entity).map(([feed]) => feed);
  const batches = await Promise.all(feedsDone.map(async (name) => [name, await feeds.readIfStarted(name)] as const));
  counters.pulled(entity, prepared.pulled);
  counters.add(entity, {
    // The feed's unreadable events count once, with the last pair that reads the feed (it saves them).
    quarantined: prepared.quarantined + batches.reduce((n, [, batch]) => n + (batch?.unread?.length ?? 0), 0),
    conflicts: prepared.plan.conflicts.length,
    linked: prepared.plan.links.length,
  });
  for (const write of prepared.plan.writes) {
    plan.push({
      entity: write.entity,
      target: write.target,
      operation: write.operation,
      subject: write.describe.subject,
      fields: write.describe.fields,
    });
  }
  if (turn.dryRun) return;
  store.transaction(() => {
    prepared.persist();
    persistPlan(store, prepared.plan, turn.runId, pair.definition.operations, plannedAt);
    // Every pair has now seen the feed's batch: the next cycle starts after it, its unreadable events set aside.
    for (const [name, batch] of batches) {
      if (batch) quarantineUnread(store, turn.sources, name, batch);
      if (batch?.cursor) store.cursors.set(feedCursorName(name), batch.cursor);
    }
  });
}

/**
 * A feed's unreadable events go to the quarantine with their reason (the pairs concerned
 * rescanned instead). An event cannot be corrected, so its entry is let go once the
 * service no longer keeps it: by then the rescan has long covered it.
 */
function quarantineUnread(store: Store, sources: readonly ChangeFeed[], name: string, batch: FeedBatch): void {
  const where = sources.find((f) => f.name === name)?.unread;
  if (!where) return;
  const { quarantine } = store;
  for (const u of batch.unread ?? [])
    quarantine.put({ side: where.side, object: where.object, recordId: u.id, reason: u.reason, raw: u.raw });
  quarantine.releaseUnseenFor(where.side, where.object, where.keptDays);
}

/** Per feed, the entity of the last pair in cycle order that reads it. */
export function lastReaders(pairs: SyncPair[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const pair of pairs) for (const name of Object.keys(pair.definition.feeds ?? {})) last.set(name, pair.definition.entity);
  return last;
}
