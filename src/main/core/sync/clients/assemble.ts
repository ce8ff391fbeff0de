// Turns each side's raw records into a validated ClientRecord, or a reason to
// quarantine. ServiceM8 keeps email and phone on contacts, not on the company: the
// billing contact wins, then the primary one, then the first.
import type { Settings } from '../../../../shared/settings';
import { normaliseAbn } from '../normalise/abn';
import { normaliseAddress } from '../normalise/address';
import { normaliseEmail } from '../normalise/email';
import { normalisePhone } from '../normalise/phone';
import { normaliseText, titleCase } from '../normalise/text';
import { ARCHIVED_KEY, XREF_KEY, type ClientRecord, type Sm8Company, type Sm8Contact, type StripeCustomer } from './types';

export type Assembled = { ok: true; record: ClientRecord } | { ok: false; reason: string };

type Rules = Pick<Settings['rules']['transforms'], 'nameCasing'>;

export function canonicalName(raw: unknown, rules: Rules): string | null {
  const text = normaliseText(raw);
  return text !== null && rules.nameCasing === 'title' ? titleCase(text) : text;
}

export function chooseContact(contacts: Sm8Contact[]): Sm8Contact | null {
  const active = contacts.filter((c) => c.active).sort((a, b) => a.uuid.localeCompare(b.uuid));
  const billing = (c: Sm8Contact) => (c.type ?? '').toUpperCase() === 'BILLING';
  return active.find((c) => billing(c) && c.isPrimary) ?? active.find(billing) ?? active.find((c) => c.isPrimary) ?? active[0] ?? null;
}

function latest(...instants: (string | null)[]): string | null {
  return (
    instants
      .filter((i): i is string => i !== null)
      .sort()
      .at(-1) ?? null
  );
}

export function assembleServiceM8Client(company: Sm8Company, contacts: Sm8Contact[], rules: Rules): Assembled {
  const contact = chooseContact(contacts);
  const email = normaliseEmail(contact?.email);
  if (!email.ok) return { ok: false, reason: email.reason };
  const phoneSource = contact?.mobile?.trim() ? 'mobile' : contact?.phone?.trim() ? 'phone' : null;
  const phone = normalisePhone(phoneSource === 'mobile' ? contact?.mobile : contact?.phone);
  if (!phone.ok) return { ok: false, reason: phone.reason };
  const abn = normaliseAbn(company.abn);
  if (!abn.ok) return { ok: false, reason: abn.reason };
  const name = canonicalName(company.name, rules) ?? canonicalName([contact?.first, contact?.last].filter(Boolean).join(' '), rules);
  const a = company.address;
  return {
    ok: true,
    record: {
      side: 'servicem8',
      id: company.uuid,
      active: company.active,
      editedAt: latest(company.editedAt, contact?.editedAt ?? null),
      fields: {
        name,
        email: email.value,
        phone: phone.value,
        address: normaliseAddress({ line1: a.street, city: a.city, state: a.state, postalCode: a.postcode, country: a.country }),
        abn: abn.value,
      },
      crossReference: null,
      contactUuid: contact?.uuid ?? null,
      phoneSource,
      archivedFlag: false,
      badges: company.badges ?? [],
    },
  };
}

export function assembleStripeClient(customer: StripeCustomer, rules: Rules): Assembled {
  const email = normaliseEmail(customer.email);
  if (!email.ok) return { ok: false, reason: email.reason };
  const phone = normalisePhone(customer.phone);
  if (!phone.ok) return { ok: false, reason: phone.reason };
  const abn = normaliseAbn(customer.abn);
  return {
    ok: true,
    record: {
      side: 'stripe',
      id: customer.id,
      active: !customer.deleted,
      editedAt: customer.editedAt,
      fields: {
        name: canonicalName(customer.name, rules),
        email: email.value,
        phone: phone.value,
        address: customer.address ? normaliseAddress(customer.address) : null,
        // A malformed ABN on the Stripe side is not ours to judge: ABN flows ServiceM8 → Stripe.
        abn: abn.ok ? abn.value : null,
      },
      crossReference: customer.metadata[XREF_KEY] || null,
      contactUuid: null,
      phoneSource: null,
      archivedFlag: customer.metadata[ARCHIVED_KEY] === 'true',
      badges: [],
    },
  };
}
