// Validates every record of both sides into ClientRecords. A record that fails is
// quarantined with its reason when it changed this cycle (and released once it is
// valid again); its raw email is remembered so it is never duplicated by a create.
import type { Settings } from '../../../../shared/settings';
import type { Side } from '../../store/repositories/mirror-repository';
import { assembleServiceM8Client, assembleStripeClient, chooseContact, type Assembled } from './assemble';
import type { OverlaidClients } from './overlay-changes';
import type { Rejected } from './ports';
import type { ClientRecord } from './types';

export interface QuarantineEntry {
  side: Side;
  object: string;
  recordId: string;
  reason: string;
  raw?: unknown;
}

export interface ValidatedClients {
  servicem8: Map<string, ClientRecord>;
  stripe: Map<string, ClientRecord>;
  quarantine: QuarantineEntry[];
  release: { side: Side; object: string; recordId: string }[];
  quarantinedEmails: Record<Side, Set<string>>;
}

export function validateClients(
  world: OverlaidClients,
  rejected: Record<Side, Rejected[]>,
  rules: Settings['rules']['transforms'],
): ValidatedClients {
  const out: ValidatedClients = {
    servicem8: new Map(),
    stripe: new Map(),
    quarantine: [],
    release: [],
    quarantinedEmails: { servicem8: new Set(), stripe: new Set() },
  };

  const sort = (
    side: Side,
    object: string,
    id: string,
    assembled: Assembled,
    dirty: boolean,
    raw: unknown,
    email: string | null | undefined,
  ) => {
    if (assembled.ok) {
      out[side].set(id, assembled.record);
      if (dirty) out.release.push({ side, object, recordId: id });
      return;
    }
    const lower = email?.trim().toLowerCase();
    if (lower) out.quarantinedEmails[side].add(lower);
    if (dirty) out.quarantine.push({ side, object, recordId: id, reason: assembled.reason, raw });
  };

  for (const company of world.companies.values()) {
    const contacts = world.contactsByCompany.get(company.uuid) ?? [];
    sort(
      'servicem8',
      'company',
      company.uuid,
      assembleServiceM8Client(company, contacts, rules),
      world.dirtyServicem8.has(company.uuid),
      { company, contacts },
      chooseContact(contacts)?.email,
    );
  }
  for (const customer of world.customers.values()) {
    sort(
      'stripe',
      'customer',
      customer.id,
      assembleStripeClient(customer, rules),
      world.dirtyStripe.has(customer.id),
      customer,
      customer.deleted ? null : customer.email,
    );
  }
  for (const side of ['servicem8', 'stripe'] as const) {
    for (const r of rejected[side]) out.quarantine.push({ side, object: r.object, recordId: r.id, reason: r.reason, raw: r.raw });
  }
  return out;
}
