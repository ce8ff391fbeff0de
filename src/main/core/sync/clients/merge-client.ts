// Merges one linked client ⇄ customer pair: archive flags first (never propagated as
// deletions), then each two-way field against the base, then the ServiceM8 → Stripe
// fields (ABN, cross-reference). Writes only what differs.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import { sameAddress } from '../normalise/address';
import type { PairPlan } from '../engine/plan-types';
import { chosenAction } from '../kit/decisions';
import { mergeFields } from '../kit/field-merge';
import { servicem8CompanyWrite, servicem8ContactWrite, splitName, stripeWrite } from './client-writes';
import { ARCHIVE_CLIENT, RECREATE_CUSTOMER } from './conflict-kinds';
import type { ClientBase, UpdateClientPayload, UpdateCustomerPayload } from './payloads';
import { CLIENT_ENTITY, type ClientPlanContext } from './plan-context';
import { planReplacementCustomer } from './plan-creates';
import { ARCHIVED_KEY, EDIT_DATE_KEY, TWO_WAY_FIELDS, XREF_KEY, type ClientFields, type ClientRecord, type TwoWayField } from './types';

const equalsFor = (field: TwoWayField) => (a: unknown, b: unknown) =>
  field === 'address' ? sameAddress(a as ClientFields['address'], b as ClientFields['address']) : a === b;

export function mergeClientPair(
  s: ClientRecord,
  t: ClientRecord,
  base: ClientBase | undefined,
  context: ClientPlanContext,
  plan: PairPlan,
  resolved: Conflict[],
): void {
  if (!t.active) return planStripeDeletion(s, t, context, plan, resolved);
  const metadata: Record<string, string> = {};
  if (t.crossReference !== s.id) metadata[XREF_KEY] = s.id;
  if (!s.active) {
    if (!t.archivedFlag) metadata[ARCHIVED_KEY] = 'true';
    if (Object.keys(metadata).length > 0) pushCustomerUpdate(s, t, {}, metadata, undefined, [], plan, context);
    return;
  }
  if (t.archivedFlag) metadata[ARCHIVED_KEY] = '';

  const merged = mergeFields({
    entity: CLIENT_ENTITY,
    servicem8: { id: s.id, editedAt: s.editedAt, values: s.fields },
    stripe: { id: t.id, editedAt: t.editedAt, values: t.fields },
    fields: TWO_WAY_FIELDS,
    base,
    resolved,
    rules: context.settings.rules,
    equals: (field, a, b) => equalsFor(field)(a, b),
  });
  const toStripe = merged.toStripe as ClientBase;
  const toServicem8 = merged.toServicem8 as ClientBase;
  const settled = merged.settled as ClientBase;
  const stripeConflicts = merged.stripeConflictIds;
  const servicem8Conflicts = merged.servicem8ConflictIds;
  plan.settledConflicts.push(...merged.settledConflictIds);
  plan.settledQuestions.push(...merged.settledQuestions);
  plan.conflicts.push(...merged.conflicts);
  const abn = abnChange(s.fields.abn, t.fields.abn, base?.abn);
  if (s.fields.abn !== null && s.fields.abn === t.fields.abn) settled.abn = s.fields.abn;
  if (Object.keys(settled).length > 0) plan.bases.push({ entity: CLIENT_ENTITY, servicem8Id: s.id, fields: settled });
  if (Object.keys(toStripe).length > 0 || Object.keys(metadata).length > 0 || abn !== undefined) {
    if (Object.keys(toStripe).length > 0 && s.editedAt) metadata[EDIT_DATE_KEY] = s.editedAt;
    pushCustomerUpdate(s, t, toStripe, metadata, abn, stripeConflicts, plan, context);
  }
  if (Object.keys(toServicem8).length > 0) pushClientUpdate(s, t, toServicem8, servicem8Conflicts, context, plan);
}

/**
 * ABN travels ServiceM8 → Stripe. A new or changed ABN is set; one cleared in ServiceM8
 * (the base shows we had written it) is removed; an ABN only Stripe ever had is left alone.
 */
function abnChange(servicem8: string | null, stripe: string | null, base: string | null | undefined): string | null | undefined {
  if (servicem8 !== null) return servicem8 !== stripe ? servicem8 : undefined;
  return stripe !== null && base === stripe ? null : undefined;
}

export function pushCustomerUpdate(
  s: ClientRecord,
  t: ClientRecord,
  fields: ClientBase,
  metadata: Record<string, string>,
  abn: string | null | undefined,
  conflictIds: number[],
  plan: PairPlan,
  context: ClientPlanContext,
): void {
  const write = {
    ...stripeWrite(fields, context.settings.rules.transforms.phoneFormat),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
  const base: ClientBase = abn !== undefined ? { ...fields, abn } : fields;
  const payload: UpdateCustomerPayload = {
    servicem8Id: s.id,
    stripeId: t.id,
    write,
    ...(abn !== undefined ? { abn } : {}),
    base,
    expected: valuesOf(t, fields),
    conflictIds,
  };
  plan.writes.push({
    entity: CLIENT_ENTITY,
    target: 'stripe',
    operation: 'update_customer',
    subjectId: s.id,
    payload,
    priority: 50,
    describe: {
      subject: s.fields.name ?? s.id,
      fields: { ...fields, ...(abn !== undefined ? { abn } : {}), ...(Object.keys(metadata).length ? { metadata } : {}) },
    },
  });
}

export function pushClientUpdate(
  s: ClientRecord,
  t: ClientRecord,
  fields: ClientBase,
  conflictIds: number[],
  context: ClientPlanContext,
  plan: PairPlan,
): void {
  const phoneFormat = context.settings.rules.transforms.phoneFormat;
  const contactFields = { ...('email' in fields ? { email: fields.email } : {}), ...('phone' in fields ? { phone: fields.phone } : {}) };
  const needsContact = Object.keys(contactFields).length > 0;
  const createContact = needsContact && s.contactUuid === null;
  const contact = needsContact ? servicem8ContactWrite(contactFields, s, phoneFormat) : {};
  if (createContact) Object.assign(contact, { company_uuid: s.id, type: 'BILLING', is_primary_contact: '1', ...splitName(null) });
  const companyFields = { ...('name' in fields ? { name: fields.name } : {}), ...('address' in fields ? { address: fields.address } : {}) };
  const payload: UpdateClientPayload = {
    servicem8Id: s.id,
    stripeId: t.id,
    contactUuid: needsContact ? (s.contactUuid ?? context.newUuid()) : s.contactUuid,
    createContact,
    company: servicem8CompanyWrite(companyFields),
    contact,
    base: fields,
    expected: valuesOf(s, fields),
    conflictIds,
  };
  plan.writes.push({
    entity: CLIENT_ENTITY,
    target: 'servicem8',
    operation: 'update_client',
    subjectId: s.id,
    payload,
    priority: 60,
    describe: { subject: s.fields.name ?? s.id, fields },
  });
}

/** A linked Stripe customer was deleted: never silently propagated. */
function planStripeDeletion(s: ClientRecord, t: ClientRecord, context: ClientPlanContext, plan: PairPlan, resolved: Conflict[]): void {
  if (!s.active) return;
  const decision = resolved.find((c) => c.kind === 'deletion');
  const setting = context.settings.archiving.deletedStripeCustomer;
  const action = decision
    ? chosenAction(decision, { stripe: ARCHIVE_CLIENT, servicem8: RECREATE_CUSTOMER }) === ARCHIVE_CLIENT
      ? 'archive'
      : 'recreate'
    : setting === 'archive'
      ? 'archive'
      : setting === 'ignore'
        ? 'ignore'
        : 'ask';
  const conflictIds = decision ? [decision.id] : [];
  switch (action) {
    case 'archive':
      plan.writes.push({
        entity: CLIENT_ENTITY,
        target: 'servicem8',
        operation: 'archive_client',
        subjectId: s.id,
        payload: { servicem8Id: s.id, stripeId: t.id, conflictIds },
        priority: 70,
        describe: { subject: s.fields.name ?? s.id, fields: { active: false } },
      });
      return;
    case 'recreate':
      planReplacementCustomer(s, t.id, context, plan, conflictIds);
      return;
    case 'ignore':
      plan.skipped.push({ id: s.id, reason: `Stripe customer ${t.id} was deleted; archiving.deletedStripeCustomer is "ignore"` });
      return;
    case 'ask':
      plan.conflicts.push({
        kind: 'deletion',
        entity: CLIENT_ENTITY,
        dedupeKey: `client:${s.id}:deleted`,
        servicem8Id: s.id,
        stripeId: t.id,
        servicem8Value: s.fields.name,
        stripeValue: null,
        servicem8EditedAt: s.editedAt,
        stripeEditedAt: t.editedAt,
        detail: 'The Stripe customer was deleted. Archive the ServiceM8 client, or keep it and create the customer again.',
      });
  }
}

/** The record's values of the fields a write carries, as planning saw them (the write is conditional on them). */
function valuesOf(record: ClientRecord, fields: ClientBase): ClientBase {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (key in record.fields) out[key] = record.fields[key as keyof ClientFields];
  return out;
}
