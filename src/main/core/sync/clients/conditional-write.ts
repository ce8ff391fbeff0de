// Updates are conditional on the target: just before writing, the live record is read
// again, and a field someone changed since the plan was made is not overwritten. When
// the new value differs from what we were about to write, the question goes to a
// person with both values; the next cycle's merge sees the change too.
import type { NewConflict } from '../../store/repositories/conflicts-repository';
import type { Side } from '../../store/repositories/mirror-repository';
import { sameAddress } from '../normalise/address';
import { fieldQuestionKey } from '../kit/field-merge';
import type { ClientBase } from './payloads';
import { CLIENT_ENTITY } from './plan-context';
import type { ClientFields } from './types';

type Field = keyof ClientBase;

const same = (field: string, a: unknown, b: unknown): boolean =>
  field === 'address'
    ? sameAddress((a ?? null) as ClientFields['address'], (b ?? null) as ClientFields['address'])
    : (a ?? null) === (b ?? null);

export interface StaleFields {
  /** Fields to leave out of the write: the target changed them since planning. */
  skip: Set<Field>;
  raised: NewConflict[];
}

/**
 * Compares the target's live values with those planning saw. `planned` is what we
 * meant to write (the other side's value), `live` the target's value now.
 */
export function staleFields(input: {
  target: Side;
  servicem8Id: string;
  stripeId: string;
  expected: ClientBase | undefined;
  planned: ClientBase;
  live: Partial<ClientFields> | null;
  liveEditedAt: string | null;
}): StaleFields {
  const out: StaleFields = { skip: new Set(), raised: [] };
  if (!input.expected || !input.live) return out;
  for (const field of Object.keys(input.expected) as Field[]) {
    const now = input.live[field] ?? null;
    if (same(field, now, input.expected[field])) continue;
    out.skip.add(field);
    if (same(field, now, input.planned[field])) continue; // someone already made it what we were writing
    const ours = input.planned[field] ?? null;
    const where = input.target === 'stripe' ? 'Stripe' : 'ServiceM8';
    out.raised.push({
      kind: 'field',
      entity: CLIENT_ENTITY,
      dedupeKey: fieldQuestionKey(CLIENT_ENTITY, input.servicem8Id, field),
      servicem8Id: input.servicem8Id,
      stripeId: input.stripeId,
      field,
      servicem8Value: input.target === 'stripe' ? ours : now,
      stripeValue: input.target === 'stripe' ? now : ours,
      servicem8EditedAt: input.target === 'servicem8' ? input.liveEditedAt : null,
      stripeEditedAt: input.target === 'stripe' ? input.liveEditedAt : null,
      detail: `Changed in ${where} while sm8sync was about to update it; nothing was overwritten. Choose which value to keep.`,
    });
  }
  return out;
}

export function without<T extends object>(value: T, keys: Iterable<string>): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of keys) delete out[key];
  return out as T;
}
