// Turns a stored conflict into what a person reads: a title from the mirrored record
// (name, else email, else the id), both sides with their edit times, and for a
// duplicate the candidates it could be.
import { z } from 'zod';
import type { ConflictView } from '../../../shared/api';
import type { Conflict } from '../store/repositories/conflicts-repository';
import type { Side } from '../store/repositories/mirror-repository';
import type { Store } from '../store/store';
import type { PhoneFormat } from '../sync/normalise/phone';
import { displayClientValue } from '../sync/clients/display-value';

/** The mirror object each side keeps an entity under (the engine's canonical names). */
const MIRROR_OBJECTS: Record<string, Record<Side, string>> = {
  client: { servicem8: 'company', stripe: 'customer' },
  invoice: { servicem8: 'job', stripe: 'invoice' },
  job: { servicem8: 'job', stripe: 'invoice' },
  payment: { servicem8: 'jobpayment', stripe: 'payment_intent' },
};

const candidateSchema = z.object({
  side: z.enum(['servicem8', 'stripe']),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});

const ENTITY_LABELS: Record<string, string> = { client: 'Client', invoice: 'Invoice', job: 'Job', payment: 'Payment' };

export function toConflictView(store: Store, conflict: Conflict, phoneFormat: PhoneFormat = 'national'): ConflictView {
  const show = (value: unknown) => (conflict.entity === 'client' ? displayClientValue(conflict.field, value, phoneFormat) : value);
  return {
    id: conflict.id,
    kind: conflict.kind,
    entity: conflict.entity,
    title: titleFor(store, conflict),
    field: conflict.field,
    detail: conflict.detail,
    servicem8: { id: conflict.servicem8Id, value: show(conflict.servicem8Value), editedAt: conflict.servicem8EditedAt },
    stripe: { id: conflict.stripeId, value: show(conflict.stripeValue), editedAt: conflict.stripeEditedAt },
    candidates: conflict.kind === 'duplicate' ? candidatesOf(store, conflict) : [],
    state: conflict.state,
    resolution: conflict.resolution,
    createdAt: conflict.createdAt,
  };
}

function titleFor(store: Store, conflict: Conflict): string {
  const sides: [Side, string | null][] = [
    ['servicem8', conflict.servicem8Id],
    ['stripe', conflict.stripeId],
  ];
  for (const [side, id] of sides) {
    const label = id ? describeRecord(lookup(store, conflict.entity, side, id)) : null;
    if (label) return label;
  }
  const id = conflict.servicem8Id ?? conflict.stripeId;
  return `${ENTITY_LABELS[conflict.entity] ?? conflict.entity}${id ? ` ${id}` : ''}`;
}

function candidatesOf(store: Store, conflict: Conflict): ConflictView['candidates'] {
  const parsed = z.array(z.unknown()).safeParse(conflict.candidates);
  if (!parsed.success) return [];
  return parsed.data.flatMap((raw) => {
    const candidate = candidateSchema.safeParse(raw);
    if (!candidate.success) return [];
    const { side, id } = candidate.data;
    const record = lookup(store, conflict.entity, side, id);
    return [{ side, id, name: candidate.data.name ?? pick(record, 'name'), email: candidate.data.email ?? pick(record, 'email') }];
  });
}

function lookup(store: Store, entity: string, side: Side, id: string): unknown {
  const object = MIRROR_OBJECTS[entity]?.[side] ?? entity;
  return store.mirror.get(side, object, id)?.record ?? null;
}

function describeRecord(record: unknown): string | null {
  const name = pick(record, 'name');
  const number = pick(record, 'number');
  const email = pick(record, 'email');
  if (name && number) return `${number} · ${name}`;
  return name ?? number ?? email;
}

function pick(record: unknown, key: string): string | null {
  if (!record || typeof record !== 'object') return null;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
