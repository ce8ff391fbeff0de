// Fields a person set in Stripe that an sm8sync write replaced in the same moment (see
// kit/overwrites.ts): each becomes a question holding both values, and the answer is
// carried out here — "restore" writes the person's value to both sides, "keep current"
// settles it with no write.
import type { PairPlan } from '../engine/plan-types';
import { chosenAction } from '../kit/decisions';
import type { OverwrittenField } from '../kit/overwrites';
import { assembleStripeClient } from './assemble';
import { RESTORE } from './conflict-kinds';
import { pushClientUpdate, pushCustomerUpdate } from './merge-client';
import type { ClientBase } from './payloads';
import { CLIENT_ENTITY, type ClientPlanContext } from './plan-context';
import { TWO_WAY_FIELDS, type ClientRecord, type StripeCustomer, type TwoWayField } from './types';

export const OVERWRITE_FIELDS: readonly TwoWayField[] = TWO_WAY_FIELDS;

const questionKey = (servicem8Id: string, field: string) => `client:${servicem8Id}:${field}:overwritten`;

/** The person's value in canonical form (trimmed, E.164, lower-case email), as the merge compares it. */
function canonical(customer: StripeCustomer, field: TwoWayField, raw: unknown, context: ClientPlanContext): unknown {
  const assembled = assembleStripeClient({ ...customer, [field]: raw }, context.settings.rules.transforms);
  return assembled.ok ? assembled.record.fields[field] : raw;
}

export function planOverwrites(
  overwrites: readonly OverwrittenField[],
  world: { servicem8: Map<string, ClientRecord>; stripe: Map<string, ClientRecord>; customers: Map<string, StripeCustomer> },
  context: ClientPlanContext,
  plan: PairPlan,
): void {
  for (const o of overwrites) {
    const servicem8Id = context.links.servicem8IdFor(o.objectId);
    const s = servicem8Id ? world.servicem8.get(servicem8Id) : undefined;
    const t = world.stripe.get(o.objectId);
    const customer = world.customers.get(o.objectId);
    if (!s || !t || !customer || !(OVERWRITE_FIELDS as readonly string[]).includes(o.field)) continue;
    const field = o.field as TwoWayField;
    plan.conflicts.push({
      kind: 'overwritten',
      entity: CLIENT_ENTITY,
      dedupeKey: questionKey(s.id, field),
      servicem8Id: s.id,
      stripeId: t.id,
      field,
      servicem8Value: s.fields[field],
      stripeValue: canonical(customer, field, o.theirs, context),
      stripeEditedAt: o.at,
      detail: `Someone changed this in Stripe while sm8sync was writing the ServiceM8 value, and the write replaced it. Both sides now hold the ServiceM8 value; choose which to keep.`,
    });
  }
  for (const decision of context.resolved.filter((c) => c.kind === 'overwritten')) {
    const s = decision.servicem8Id ? world.servicem8.get(decision.servicem8Id) : undefined;
    const t = decision.stripeId ? world.stripe.get(decision.stripeId) : undefined;
    const field = decision.field as TwoWayField | null;
    if (!s || !t || !field || context.busy.has(s.id)) continue;
    if (chosenAction(decision) !== RESTORE) {
      plan.settledConflicts.push(decision.id);
      continue;
    }
    const value = { [field]: decision.stripeValue } as ClientBase;
    pushCustomerUpdate(s, t, value, {}, undefined, [], plan, context);
    pushClientUpdate(s, t, value, [decision.id], context, plan);
  }
}
