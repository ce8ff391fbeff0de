// Clients: each linked pair's two-way fields compared as the clients pair compares
// them (canonical form: E.164 phones, lower-case emails), the ABN one way; unlinked
// records the sync would have created reported missing, and the ones the filters keep
// out of the sync left alone. A link to a record the mirror no longer has is broken.
import type { Settings } from '../../../../shared/settings';
import type { LinkFacts } from '../../store/repositories/reconciliation-repository';
import type { MirrorRecord } from '../../store/repositories/mirror-repository';
import { assembleServiceM8Client, assembleStripeClient } from '../../sync/clients/assemble';
import { TWO_WAY_FIELDS, type ClientRecord, type Sm8Company, type Sm8Contact, type StripeCustomer } from '../../sync/clients/types';
import type { FindingDraft } from './types';
import { quote } from './words';

export interface ClientCheckInput {
  companies: MirrorRecord<Sm8Company>[];
  contacts: MirrorRecord<Sm8Contact>[];
  customers: MirrorRecord<StripeCustomer>[];
  links: readonly LinkFacts[];
  settings: Settings;
  busy: Set<string>;
}

const nameOf = (record: ClientRecord | undefined, id: string) => record?.fields.name ?? record?.fields.email ?? `Client ${id}`;
const show = (value: unknown) =>
  value !== null && typeof value === 'object' ? quote(Object.values(value).filter(Boolean).join(', ')) : quote(value);

export function checkClients(input: ClientCheckInput): FindingDraft[] {
  const rules = input.settings.rules;
  const out: FindingDraft[] = [];
  const finding = (draft: Omit<FindingDraft, 'entity' | 'needsPerson'>, ids: string[]) =>
    out.push({ ...draft, entity: 'client', needsPerson: !ids.some((id) => input.busy.has(id)) });

  const contactsOf = new Map<string, Sm8Contact[]>();
  for (const { record } of input.contacts) contactsOf.set(record.companyUuid, [...(contactsOf.get(record.companyUuid) ?? []), record]);
  const servicem8 = new Map<string, ClientRecord | null>();
  for (const { id, record } of input.companies) {
    const assembled = assembleServiceM8Client(record, contactsOf.get(id) ?? [], rules.transforms);
    servicem8.set(id, assembled.ok ? assembled.record : null); // null: quarantined, the status lists why
  }
  const stripe = new Map<string, ClientRecord | null>();
  for (const { id, record } of input.customers) {
    const assembled = assembleStripeClient(record, rules.transforms);
    stripe.set(id, assembled.ok ? assembled.record : null);
  }

  const linked = { servicem8: new Set<string>(), stripe: new Set<string>() };
  for (const link of input.links) {
    linked.servicem8.add(link.servicem8Id);
    linked.stripe.add(link.stripeId);
    if (link.state === 'archived') continue;
    const a = servicem8.get(link.servicem8Id);
    const b = stripe.get(link.stripeId);
    const ids = { servicem8Id: link.servicem8Id, stripeId: link.stripeId, title: nameOf(a ?? b ?? undefined, link.servicem8Id) };
    if (a === undefined || b === undefined) {
      const gone =
        a === undefined && b === undefined
          ? 'neither record is known'
          : a === undefined
            ? 'ServiceM8 has no such client'
            : 'Stripe has no such customer';
      finding(
        {
          kind: 'broken_link',
          ...ids,
          detail: `The link between the ServiceM8 client and the Stripe customer points at nothing: ${gone}.`,
        },
        [link.servicem8Id, link.stripeId],
      );
      continue;
    }
    if (a === null || b === null || !a.active) continue;
    if (!b.active) {
      finding({ kind: 'missing_in_stripe', ...ids, detail: `The Stripe customer was deleted, but the ServiceM8 client is still active.` }, [
        link.servicem8Id,
        link.stripeId,
      ]);
      continue;
    }
    const differ = TWO_WAY_FIELDS.filter((field) => JSON.stringify(a.fields[field]) !== JSON.stringify(b.fields[field])).map(
      (field) => `${field}: ServiceM8 ${show(a.fields[field])}, Stripe ${show(b.fields[field])}`,
    );
    if (a.fields.abn !== null && a.fields.abn !== b.fields.abn)
      differ.push(`ABN: ServiceM8 ${quote(a.fields.abn)}, Stripe ${quote(b.fields.abn)}`);
    if (differ.length > 0)
      finding({ kind: 'field_mismatch', ...ids, detail: `The two sides differ: ${differ.join('; ')}.` }, [link.servicem8Id, link.stripeId]);
  }

  const byEmail = (records: Map<string, ClientRecord | null>) => {
    const index = new Map<string, string[]>();
    for (const [id, record] of records)
      if (record?.active && record.fields.email) index.set(record.fields.email, [...(index.get(record.fields.email) ?? []), id]);
    return index;
  };
  const emails = { servicem8: byEmail(servicem8), stripe: byEmail(stripe) };
  const byXref = new Map<string, string[]>();
  for (const [id, record] of stripe)
    if (record?.active && record.crossReference) byXref.set(record.crossReference, [...(byXref.get(record.crossReference) ?? []), id]);

  for (const [xref, ids] of byXref) {
    if (ids.length > 1)
      finding(
        {
          kind: 'duplicate',
          servicem8Id: xref,
          stripeId: ids.join(' '),
          title: nameOf(servicem8.get(xref) ?? stripe.get(ids[0]!) ?? undefined, xref),
          detail: `${ids.length} Stripe customers (${ids.join(', ')}) name the same ServiceM8 client.`,
        },
        ids,
      );
    else if (!servicem8.has(xref))
      finding(
        {
          kind: 'broken_link',
          servicem8Id: xref,
          stripeId: ids[0]!,
          title: nameOf(stripe.get(ids[0]!) ?? undefined, ids[0]!),
          detail: `Stripe customer ${ids[0]} names ServiceM8 client ${xref}, which ServiceM8 does not have.`,
        },
        ids,
      );
  }

  const filters = rules.filters;
  for (const [id, record] of servicem8) {
    if (linked.servicem8.has(id) || !record?.active || input.busy.has(id)) continue;
    if (filters.requireEmail && !record.fields.email) continue;
    if (filters.clientBadges.length > 0 && !record.badges.some((badge) => filters.clientBadges.includes(badge))) continue;
    if (byXref.has(id)) continue; // the sync links it by its cross-reference
    const same = record.fields.email ? (emails.stripe.get(record.fields.email) ?? []).filter((other) => !linked.stripe.has(other)) : [];
    if (same.length === 1) continue; // the sync links it by email
    finding(
      same.length > 1
        ? {
            kind: 'duplicate',
            servicem8Id: id,
            stripeId: same.join(' '),
            title: nameOf(record, id),
            detail: `${same.length} Stripe customers share the email ${record.fields.email}: which one is this client?`,
          }
        : {
            kind: 'missing_in_stripe',
            servicem8Id: id,
            stripeId: null,
            title: nameOf(record, id),
            detail: `The ServiceM8 client has no Stripe customer.`,
          },
      [id],
    );
  }
  for (const [id, record] of stripe) {
    if (linked.stripe.has(id) || !record?.active || input.busy.has(id) || record.crossReference) continue;
    if (filters.requireEmail && !record.fields.email) continue;
    const same = record.fields.email
      ? (emails.servicem8.get(record.fields.email) ?? []).filter((other) => !linked.servicem8.has(other))
      : [];
    if (same.length === 1) continue;
    finding(
      same.length > 1
        ? {
            kind: 'duplicate',
            servicem8Id: same.join(' '),
            stripeId: id,
            title: nameOf(record, id),
            detail: `${same.length} ServiceM8 clients share the email ${record.fields.email}: which one is this customer?`,
          }
        : {
            kind: 'missing_in_servicem8',
            servicem8Id: null,
            stripeId: id,
            title: nameOf(record, id),
            detail: `The Stripe customer has no ServiceM8 client.`,
          },
      [id],
    );
  }
  return out;
}
