// Field-by-field three-way merge against the base both sides agreed on at the last
// sync. Changed on one side → copy it to the other. Changed on both, differently →
// a rule decides, or a person does (a conflict). Never a silent overwrite.

export type Winner = 'servicem8' | 'stripe' | 'newest' | 'ask';

export type FieldDecision<V> =
  | { action: 'equal'; value: V }
  | { action: 'to_stripe'; value: V; reason: string }
  | { action: 'to_servicem8'; value: V; reason: string }
  | { action: 'conflict'; reason: string };

export interface FieldInput<V> {
  /** `undefined` when there is no base yet (the pair was just matched). */
  base: V | undefined;
  servicem8: V;
  stripe: V;
  servicem8EditedAt: string | null;
  stripeEditedAt: string | null;
  winner: Winner;
  equals: (a: V, b: V) => boolean;
  isEmpty: (v: V) => boolean;
}

function decide<V>(input: FieldInput<V>, why: string): FieldDecision<V> {
  switch (input.winner) {
    case 'servicem8':
      return { action: 'to_stripe', value: input.servicem8, reason: `${why}; rule: ServiceM8 wins` };
    case 'stripe':
      return { action: 'to_servicem8', value: input.stripe, reason: `${why}; rule: Stripe wins` };
    case 'newest': {
      const s = input.servicem8EditedAt;
      const t = input.stripeEditedAt;
      if (s !== null && t !== null && s !== t) {
        return s > t
          ? { action: 'to_stripe', value: input.servicem8, reason: `${why}; rule: newest (ServiceM8)` }
          : { action: 'to_servicem8', value: input.stripe, reason: `${why}; rule: newest (Stripe)` };
      }
      return { action: 'conflict', reason: `${why}; rule "newest" cannot tell which is newer` };
    }
    case 'ask':
      return { action: 'conflict', reason: why };
  }
}

export function mergeField<V>(input: FieldInput<V>): FieldDecision<V> {
  const { base, servicem8: s, stripe: t, equals } = input;
  if (equals(s, t)) return { action: 'equal', value: s };
  if (base === undefined) {
    if (input.isEmpty(s)) return { action: 'to_servicem8', value: t, reason: 'Only Stripe has a value' };
    if (input.isEmpty(t)) return { action: 'to_stripe', value: s, reason: 'Only ServiceM8 has a value' };
    return decide(input, 'The records were matched with different values');
  }
  if (equals(s, base)) return { action: 'to_servicem8', value: t, reason: 'Changed in Stripe' };
  if (equals(t, base)) return { action: 'to_stripe', value: s, reason: 'Changed in ServiceM8' };
  return decide(input, 'Changed on both sides');
}
