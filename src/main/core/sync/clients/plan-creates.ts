// Creating a record on the other side, and asking about duplicates. A ServiceM8
// client becomes a Stripe customer with the cross-reference in metadata; a Stripe
// customer becomes a ServiceM8 company plus billing contact with uuids chosen here.
import type { Conflict, NewConflict } from '../../store/repositories/conflicts-repository';
import type { PairPlan } from '../engine/plan-types';
import { servicem8CompanyWrite, servicem8ContactWrite, splitName, stripeWrite } from './client-writes';
import type { ClientBase, CreateClientPayload, CreateCustomerPayload } from './payloads';
import { CLIENT_ENTITY, type ClientPlanContext } from './plan-context';
import { EDIT_DATE_KEY, XREF_KEY, type ClientRecord } from './types';
import { SIDE_LABEL } from '../../../../shared/labels';

function baseOf(record: ClientRecord): ClientBase {
  const { name, email, phone, address, abn } = record.fields;
  return { name, email, phone, address, abn };
}

function passesFilters(record: ClientRecord, context: ClientPlanContext, plan: PairPlan): boolean {
  if (!record.active) return false;
  const otherSide = record.side === 'servicem8' ? 'stripe' : 'servicem8';
  if (record.fields.email && context.quarantinedEmails[otherSide].has(record.fields.email)) {
    // Creating it would duplicate a record that cannot be matched until it is fixed.
    plan.skipped.push({
      id: record.id,
      reason: `a quarantined ${SIDE_LABEL[otherSide]} record has the email ${record.fields.email}; fix it first`,
    });
    return false;
  }
  const { requireEmail, clientBadges } = context.settings.rules.filters;
  if (requireEmail && !record.fields.email) {
    plan.skipped.push({ id: record.id, reason: 'no email (rules.filters.requireEmail)' });
    return false;
  }
  // Badges live in ServiceM8: the filter decides which ServiceM8 clients reach Stripe.
  if (record.side === 'servicem8' && clientBadges.length > 0 && !record.badges.some((b) => clientBadges.includes(b))) {
    plan.skipped.push({ id: record.id, reason: 'it has none of the badges this sync is limited to (rules.filters.clientBadges)' });
    return false;
  }
  return true;
}

export function planCreateCustomer(record: ClientRecord, context: ClientPlanContext, plan: PairPlan, duplicate?: Conflict): void {
  if (!passesFilters(record, context, plan)) return;
  pushCreateCustomer(record, null, context, plan, duplicate ? [duplicate.id] : []);
}

/** The linked customer was deleted and a person chose to keep the client: make a new one. */
export function planReplacementCustomer(
  record: ClientRecord,
  deletedStripeId: string,
  context: ClientPlanContext,
  plan: PairPlan,
  conflictIds: number[],
): void {
  pushCreateCustomer(record, deletedStripeId, context, plan, conflictIds);
}

function pushCreateCustomer(
  record: ClientRecord,
  replacesStripeId: string | null,
  context: ClientPlanContext,
  plan: PairPlan,
  conflictIds: number[],
): void {
  const base = baseOf(record);
  const metadata: Record<string, string> = { [XREF_KEY]: record.id };
  if (record.editedAt) metadata[EDIT_DATE_KEY] = record.editedAt;
  const payload: CreateCustomerPayload = {
    servicem8Id: record.id,
    write: { ...stripeWrite(base, context.settings.rules.transforms.phoneFormat), metadata, abn: record.fields.abn },
    base,
    servicem8EditedAt: record.editedAt,
    replacesStripeId,
    conflictIds,
  };
  plan.writes.push({
    entity: CLIENT_ENTITY,
    target: 'stripe',
    operation: 'create_customer',
    subjectId: record.id,
    payload,
    priority: 20,
    describe: { subject: record.fields.name ?? record.id, fields: { ...base, abn: record.fields.abn } },
  });
}

export function planCreateClient(record: ClientRecord, context: ClientPlanContext, plan: PairPlan, duplicate?: Conflict): void {
  if (!passesFilters(record, context, plan)) return;
  const base = baseOf(record);
  const companyUuid = context.newUuid();
  const phoneFormat = context.settings.rules.transforms.phoneFormat;
  const payload: CreateClientPayload = {
    stripeId: record.id,
    companyUuid,
    contactUuid: context.newUuid(),
    company: servicem8CompanyWrite({ name: base.name ?? null, address: base.address ?? null, abn: record.fields.abn }),
    contact: {
      ...servicem8ContactWrite({ email: base.email ?? null, phone: base.phone ?? null }, null, phoneFormat),
      ...splitName(null),
      company_uuid: companyUuid,
      type: 'BILLING',
      is_primary_contact: '1',
    },
    base,
    stripeEditedAt: record.editedAt,
    conflictIds: duplicate ? [duplicate.id] : [],
  };
  plan.writes.push({
    entity: CLIENT_ENTITY,
    target: 'servicem8',
    operation: 'create_client',
    subjectId: record.id,
    payload,
    priority: 30,
    describe: { subject: record.fields.name ?? record.id, fields: base },
  });
}

export function planDuplicate(record: ClientRecord, candidates: ClientRecord[]): NewConflict {
  const others = candidates.filter((c) => !(c.side === record.side && c.id === record.id));
  return {
    kind: 'duplicate',
    entity: CLIENT_ENTITY,
    dedupeKey: `client:duplicate:${record.side}:${record.id}`,
    servicem8Id: record.side === 'servicem8' ? record.id : null,
    stripeId: record.side === 'stripe' ? record.id : null,
    servicem8Value: record.side === 'servicem8' ? record.fields.email : null,
    stripeValue: record.side === 'stripe' ? record.fields.email : null,
    servicem8EditedAt: record.side === 'servicem8' ? record.editedAt : null,
    stripeEditedAt: record.side === 'stripe' ? record.editedAt : null,
    candidates: others.map((c) => ({ side: c.side, id: c.id, name: c.fields.name, email: c.fields.email })),
    detail: `${others.length === 1 ? 'Another record shares' : `${others.length} other records share`} the email ${record.fields.email ?? ''}. Link it to the right one, or keep it separate.`,
  };
}
