// Turns a stored conflict into what a person reads: a title from the mirrored record
// (its pair's name for it, else the id), both sides with their edit times, the
// candidates a duplicate could be, and the decisions it offers now, each with what it
// will do. Nothing here knows a pair by name: it reads their definitions.
import { z } from 'zod';
import type { ConflictView } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import type { Conflict } from '../store/repositories/conflicts-repository';
import type { Side } from '../store/repositories/mirror-repository';
import type { Store } from '../store/store';
import type { PairLookup } from './pair-lookup';

const candidateSchema = z.object({
  side: z.enum(['servicem8', 'stripe']),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});

export function toConflictView(store: Store, pairs: PairLookup, conflict: Conflict, settings: Settings): ConflictView {
  const definition = pairs.get(conflict.entity);
  const show = (value: unknown) => (definition?.displayValue ? definition.displayValue(conflict.field, value, settings) : value);
  return {
    id: conflict.id,
    kind: conflict.kind,
    entity: conflict.entity,
    title: titleFor(store, pairs, conflict),
    field: conflict.field,
    detail: conflict.detail,
    servicem8: { id: conflict.servicem8Id, value: show(conflict.servicem8Value), editedAt: conflict.servicem8EditedAt },
    stripe: { id: conflict.stripeId, value: show(conflict.stripeValue), editedAt: conflict.stripeEditedAt },
    candidates: candidatesOf(store, pairs, conflict),
    kindLabel: definition?.conflictKinds[conflict.kind]?.label ?? conflict.kind,
    actions: actionsOf(store, pairs, conflict),
    state: conflict.state,
    resolution: conflict.resolution,
    createdAt: conflict.createdAt,
  };
}

/** The actions that can be carried out now; a linking action lists the candidates it may link to. */
function actionsOf(store: Store, pairs: PairLookup, conflict: Conflict): ConflictView['actions'] {
  const kind = pairs.get(conflict.entity)?.conflictKinds[conflict.kind];
  if (!kind || (conflict.state !== 'open' && conflict.state !== 'resolved')) return [];
  const helpers = pairs.helpers(store);
  const candidates = candidatesOf(store, pairs, conflict);
  return kind.actions.flatMap((action): ConflictView['actions'] => {
    if (action.needsCandidate) {
      const ids = candidates.map((c) => c.id).filter((id) => !action.unavailable?.(conflict, helpers, id));
      return ids.length ? [{ name: action.name, label: action.label, effect: action.effect(conflict, helpers), candidateIds: ids }] : [];
    }
    if (action.unavailable?.(conflict, helpers, null)) return [];
    return [{ name: action.name, label: action.label, effect: action.effect(conflict, helpers), candidateIds: null }];
  });
}

function titleFor(store: Store, pairs: PairLookup, conflict: Conflict): string {
  const sides: [Side, string | null][] = [
    ['servicem8', conflict.servicem8Id],
    ['stripe', conflict.stripeId],
  ];
  for (const [side, id] of sides) {
    const name = id ? pairs.nameOf(store, conflict.entity, side, id) : null;
    if (name) return name;
  }
  const label = pairs.get(conflict.entity)?.labels.singular ?? conflict.entity;
  const id = conflict.servicem8Id ?? conflict.stripeId;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}${id ? ` ${id}` : ''}`;
}

function candidatesOf(store: Store, pairs: PairLookup, conflict: Conflict): ConflictView['candidates'] {
  if (conflict.kind !== 'duplicate' && !Array.isArray(conflict.candidates)) return [];
  const parsed = z.array(z.unknown()).safeParse(conflict.candidates);
  if (!parsed.success) return [];
  const definition = pairs.get(conflict.entity);
  return parsed.data.flatMap((raw) => {
    const candidate = candidateSchema.safeParse(raw);
    if (!candidate.success) return [];
    const { side, id } = candidate.data;
    const record = definition ? (store.mirror.get(side, definition.mirrors[side], id)?.record ?? null) : null;
    return [{ side, id, name: candidate.data.name ?? pick(record, 'name'), email: candidate.data.email ?? pick(record, 'email') }];
  });
}

function pick(record: unknown, key: string): string | null {
  if (!record || typeof record !== 'object') return null;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
