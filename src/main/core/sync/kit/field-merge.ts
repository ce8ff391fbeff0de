// Merges a list of two-way fields of one linked pair against its base: each field is
// copied to the side that did not change it, settled when both agree, or raised as a
// question when both changed differently and neither a decision nor a rule says who wins.
import type { Settings } from '../../../../shared/settings';
import type { Conflict, NewConflict } from '../../store/repositories/conflicts-repository';
import { mergeField, type Winner } from '../merge/three-way';
import { chosenSide } from './decisions';

export interface FieldMergeInput<F extends string> {
  entity: string;
  servicem8: { id: string; editedAt: string | null; values: Record<F, unknown> };
  stripe: { id: string; editedAt: string | null; values: Record<F, unknown> };
  fields: readonly F[];
  base: Partial<Record<F, unknown>> | undefined;
  /** Decided (not yet applied) field conflicts of this pair. */
  resolved: Conflict[];
  rules: Pick<Settings['rules'], 'fieldWinners' | 'defaultWinner'>;
  equals?(field: F, a: unknown, b: unknown): boolean;
}

export interface FieldMergeResult<F extends string> {
  toStripe: Partial<Record<F, unknown>>;
  toServicem8: Partial<Record<F, unknown>>;
  settled: Partial<Record<F, unknown>>;
  /** Decisions each direction carries out (marked applied when its write succeeds). */
  stripeConflictIds: number[];
  servicem8ConflictIds: number[];
  /** Decisions that need no write: both sides already agree. */
  settledConflictIds: number[];
  /** Dedupe keys of questions that answered themselves. */
  settledQuestions: string[];
  conflicts: NewConflict[];
}

export const fieldQuestionKey = (entity: string, servicem8Id: string, field: string) => `${entity}:${servicem8Id}:${field}`;

export function mergeFields<F extends string>(input: FieldMergeInput<F>): FieldMergeResult<F> {
  const out: FieldMergeResult<F> = {
    toStripe: {},
    toServicem8: {},
    settled: {},
    stripeConflictIds: [],
    servicem8ConflictIds: [],
    settledConflictIds: [],
    settledQuestions: [],
    conflicts: [],
  };
  const { servicem8: s, stripe: t } = input;
  for (const field of input.fields) {
    const resolution = input.resolved.find((c) => c.kind === 'field' && c.field === field);
    const decided = resolution ? chosenSide(resolution) : null;
    const winner: Winner = decided ?? (input.rules.fieldWinners as Record<string, Winner | undefined>)[field] ?? input.rules.defaultWinner;
    const decision = mergeField<unknown>({
      base: input.base && field in input.base ? input.base[field] : undefined,
      servicem8: s.values[field],
      stripe: t.values[field],
      servicem8EditedAt: s.editedAt,
      stripeEditedAt: t.editedAt,
      winner,
      equals: (a, b) => (input.equals ? input.equals(field, a, b) : a === b),
      isEmpty: (v) => v === null,
    });
    const key = fieldQuestionKey(input.entity, s.id, field);
    switch (decision.action) {
      case 'equal':
        out.settled[field] = decision.value;
        if (resolution) out.settledConflictIds.push(resolution.id);
        out.settledQuestions.push(key);
        break;
      case 'to_stripe':
        out.toStripe[field] = decision.value;
        if (resolution) out.stripeConflictIds.push(resolution.id);
        break;
      case 'to_servicem8':
        out.toServicem8[field] = decision.value;
        if (resolution) out.servicem8ConflictIds.push(resolution.id);
        break;
      case 'conflict':
        out.conflicts.push({
          kind: 'field',
          entity: input.entity,
          dedupeKey: key,
          servicem8Id: s.id,
          stripeId: t.id,
          field,
          servicem8Value: s.values[field],
          stripeValue: t.values[field],
          servicem8EditedAt: s.editedAt,
          stripeEditedAt: t.editedAt,
          detail: decision.reason,
        });
        break;
    }
  }
  return out;
}
