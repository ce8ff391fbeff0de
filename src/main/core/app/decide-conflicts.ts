// A person's decision on one or many conflicts: an action the conflict's kind offers
// (or `take`, which each kind maps to one of its actions), checked when chosen, so an
// action that cannot be carried out is refused at once with the reason instead of
// failing at the next sync. Each decision is its own transaction (the conflict moves to
// `resolved` with the action, and a `local` audit row records who chose what); a
// decision can be changed until a sync applies it.
import type { Conflict } from '../store/repositories/conflicts-repository';
import type { Side } from '../store/repositories/mirror-repository';
import type { Store } from '../store/store';
import type { ConflictActionDefinition } from '../sync/engine/pair-definition';
import type { PairLookup } from './pair-lookup';

export interface DecisionRequest {
  ids: number[];
  take?: Side;
  action?: string;
  candidate?: string;
}

export interface DecideOutcome {
  resolved: number[];
  failed: { id: number; reason: string }[];
}

type Chosen = { ok: true; action: ConflictActionDefinition; candidate: string | null } | { ok: false; reason: string };

function choose(conflict: Conflict, request: DecisionRequest, pairs: PairLookup, store: Store): Chosen {
  const definition = pairs.get(conflict.entity);
  const kind = definition?.conflictKinds[conflict.kind];
  if (!definition || !kind) return { ok: false, reason: 'this version of sm8sync has no decisions for this kind of question' };
  const helpers = pairs.helpers(store);
  let name = request.action ?? null;
  let candidate = request.candidate ?? null;
  if (request.take) {
    const mapped = kind.take
      ? kind.take(conflict, request.take, helpers)
      : (() => {
          const action = kind.actions.find((a) => a.take === request.take);
          return action ? { action: action.name, candidate: null } : null;
        })();
    if (!mapped) return { ok: false, reason: `"take ${request.take}" is not a decision this question offers` };
    name = mapped.action;
    candidate = candidate ?? mapped.candidate;
  }
  const action = kind.actions.find((a) => a.name === name);
  if (!action) {
    const offered = kind.actions.map((a) => a.name).join(', ');
    return { ok: false, reason: `"${name ?? ''}" is not an action of this question (it offers ${offered})` };
  }
  if (candidate !== null && !action.needsCandidate) return { ok: false, reason: `"${action.name}" does not take a candidate` };
  const why = action.unavailable?.(conflict, helpers, candidate) ?? null;
  if (why) return { ok: false, reason: `"${action.label}" cannot be done: ${why}` };
  return { ok: true, action, candidate };
}

export function decideConflicts(store: Store, pairs: PairLookup, request: DecisionRequest): DecideOutcome {
  const outcome: DecideOutcome = { resolved: [], failed: [] };
  for (const id of new Set(request.ids)) {
    const current = store.conflicts.get(id);
    if (!current) {
      outcome.failed.push({ id, reason: 'not found' });
      continue;
    }
    if (current.state !== 'open' && current.state !== 'resolved') {
      outcome.failed.push({ id, reason: `already ${current.state}` });
      continue;
    }
    const chosen = choose(current, request, pairs, store);
    if (!chosen.ok) {
      outcome.failed.push({ id, reason: chosen.reason });
      continue;
    }
    const effect = chosen.action.effect(current, pairs.helpers(store));
    const done = store.transaction(() => {
      const resolved = store.conflicts.resolve(id, chosen.action.name, chosen.candidate ? { candidate: chosen.candidate } : null);
      if (!resolved) return false;
      const candidateName = chosen.candidate ? candidateLabel(current, chosen.candidate, pairs, store) : null;
      store.audit.append({
        direction: 'local',
        entity: current.entity,
        operation: 'resolve_conflict',
        servicem8Id: current.servicem8Id,
        stripeId: current.stripeId,
        before: { kind: current.kind, field: current.field, servicem8: current.servicem8Value, stripe: current.stripeValue },
        after: { action: chosen.action.name, ...(chosen.candidate ? { candidate: chosen.candidate } : {}) },
        outcome: 'success',
        message: `${current.state === 'resolved' ? 'Changed the decision' : 'Decided'}: ${chosen.action.label}${candidateName ? ` (${candidateName})` : ''}. ${effect} Applies at the next sync.`,
      });
      return true;
    });
    if (done) outcome.resolved.push(id);
    else outcome.failed.push({ id, reason: 'changed while deciding' });
  }
  return outcome;
}

function candidateLabel(conflict: Conflict, id: string, pairs: PairLookup, store: Store): string | null {
  const list = Array.isArray(conflict.candidates) ? (conflict.candidates as { side?: Side; id?: string; name?: string | null }[]) : [];
  const entry = list.find((c) => c.id === id);
  return entry?.name ?? (entry?.side ? pairs.nameOf(store, conflict.entity, entry.side, id) : null);
}
