// The audit log as people read it: who (the record's name, from the mirror through its
// pair's definition), and a search over names, messages and ids done here, before the
// limit, so an older row for "Harbour" is still found.
import type { ActivityEntry } from '../../../shared/api';
import type { AuditEntry, AuditOutcome } from '../store/repositories/audit-repository';
import type { Store } from '../store/store';
import type { PairLookup } from './pair-lookup';
import { refusedWords } from '../../../shared/refused-words';

const TARGET = { servicem8_to_stripe: 'stripe', stripe_to_servicem8: 'servicem8', local: null } as const;

/** How far back a search looks (the newest rows first). */
const SEARCH_SCAN = 5000;

export function toActivityView(store: Store, pairs: PairLookup, entry: AuditEntry): ActivityEntry {
  const { runId: _runId, idempotencyKey: _key, ...rest } = entry;
  const name =
    (entry.servicem8Id ? pairs.nameOf(store, entry.entity, 'servicem8', entry.servicem8Id) : null) ??
    (entry.stripeId ? pairs.nameOf(store, entry.entity, 'stripe', entry.stripeId) : null);
  // A refused write's message is the API's own; people read it in words (refused-words.ts).
  const message = entry.outcome === 'failed' && entry.message ? refusedWords(entry.message, TARGET[entry.direction]) : entry.message;
  return { ...rest, message, name };
}

export function matchesSearch(entry: ActivityEntry, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [entry.name, entry.message, entry.entity, entry.servicem8Id, entry.stripeId].some((text) => text?.toLowerCase().includes(needle));
}

export interface ActivityQuery {
  since?: string;
  entity?: string;
  outcome?: AuditOutcome;
  search?: string;
  limit: number;
}

export function listActivity(store: Store, pairs: PairLookup, query: ActivityQuery): ActivityEntry[] {
  const { search, limit, ...filter } = query;
  if (!search?.trim()) return store.audit.list({ ...filter, limit }).map((e) => toActivityView(store, pairs, e));
  return store.audit
    .list({ ...filter, limit: SEARCH_SCAN })
    .map((e) => toActivityView(store, pairs, e))
    .filter((e) => matchesSearch(e, search))
    .slice(0, limit);
}
