// In-memory stand-ins behind the client ports, for fast engine tests with real
// SQLite. The behaviour that matters to the engine is kept: change feeds with
// cursors, idempotent Stripe creates by key, writes visible in the next pull.
import type {
  ServiceM8ClientsPort,
  Sm8CompanyWrite,
  Sm8ContactWrite,
  StripeCustomersPort,
  StripeCustomerWrite,
} from '../../src/main/core/sync/clients/ports';
import type { Sm8Company, Sm8Contact, StripeCustomer } from '../../src/main/core/sync/clients/types';
import type { ChangeFeed, FeedBatch } from '../../src/main/core/sync/engine/change-feed';

let tick = Date.parse('2026-11-24T00:00:00.000Z');
const stamp = () => new Date((tick += 1000)).toISOString();

interface Versioned<T> {
  seq: number;
  record: T;
}

let seq = 0;

export class FakeServiceM8 implements ServiceM8ClientsPort {
  companies = new Map<string, Versioned<Sm8Company>>();
  contacts = new Map<string, Versioned<Sm8Contact>>();
  writes = 0;

  addClient(uuid: string, company: Partial<Sm8Company>, contact?: Partial<Sm8Contact>): void {
    this.companies.set(uuid, {
      seq: ++seq,
      record: {
        uuid,
        name: null,
        abn: null,
        address: { street: null, city: null, state: null, postcode: null, country: null },
        isIndividual: false,
        active: true,
        editedAt: stamp(),
        ...company,
      },
    });
    if (contact) {
      const id = `${uuid}-contact`;
      this.contacts.set(id, {
        seq: ++seq,
        record: {
          uuid: id,
          companyUuid: uuid,
          first: null,
          last: null,
          email: null,
          phone: null,
          mobile: null,
          type: 'BILLING',
          isPrimary: true,
          active: true,
          editedAt: stamp(),
          ...contact,
        },
      });
    }
  }

  editContact(uuid: string, change: Partial<Sm8Contact>): void {
    const current = this.contacts.get(uuid)!;
    this.contacts.set(uuid, { seq: ++seq, record: { ...current.record, ...change, editedAt: stamp() } });
  }

  private pull<T>(map: Map<string, Versioned<T>>, cursor: string | null) {
    const after = cursor === null ? 0 : Number(cursor);
    const changed = [...map.values()].filter((v) => v.seq > after);
    return Promise.resolve({
      records: changed.map((v) => structuredClone(v.record)),
      rejected: [],
      cursor: String(Math.max(after, ...changed.map((v) => v.seq))),
    });
  }

  pullCompanies(cursor: string | null) {
    return this.pull(this.companies, cursor);
  }

  pullContacts(cursor: string | null) {
    return this.pull(this.contacts, cursor);
  }

  companyExists(uuid: string) {
    return Promise.resolve(this.companies.has(uuid));
  }

  contactExists(uuid: string) {
    return Promise.resolve(this.contacts.has(uuid));
  }

  getCompany(uuid: string) {
    const found = this.companies.get(uuid);
    return Promise.resolve(found ? structuredClone(found.record) : null);
  }

  getContact(uuid: string) {
    const found = this.contacts.get(uuid);
    return Promise.resolve(found ? structuredClone(found.record) : null);
  }

  createCompany(uuid: string, f: Sm8CompanyWrite) {
    this.writes += 1;
    this.addClient(uuid, {
      name: f.name ?? null,
      abn: f.abn_number ?? null,
      address: {
        street: f.address_street ?? null,
        city: f.address_city ?? null,
        state: f.address_state ?? null,
        postcode: f.address_postcode ?? null,
        country: f.address_country ?? null,
      },
    });
    return Promise.resolve();
  }

  updateCompany(uuid: string, f: Sm8CompanyWrite) {
    this.writes += 1;
    const c = this.companies.get(uuid)!.record;
    const address = {
      street: f.address_street ?? c.address.street,
      city: f.address_city ?? c.address.city,
      state: f.address_state ?? c.address.state,
      postcode: f.address_postcode ?? c.address.postcode,
      country: f.address_country ?? c.address.country,
    };
    this.companies.set(uuid, {
      seq: ++seq,
      record: { ...c, name: f.name ?? c.name, abn: f.abn_number ?? c.abn, address, editedAt: stamp() },
    });
    return Promise.resolve();
  }

  archiveCompany(uuid: string) {
    this.writes += 1;
    const c = this.companies.get(uuid)!.record;
    this.companies.set(uuid, { seq: ++seq, record: { ...c, active: false, editedAt: stamp() } });
    return Promise.resolve();
  }

  createContact(uuid: string, f: Sm8ContactWrite) {
    this.writes += 1;
    this.contacts.set(uuid, {
      seq: ++seq,
      record: {
        uuid,
        companyUuid: f.company_uuid ?? '',
        first: f.first ?? null,
        last: f.last ?? null,
        email: f.email ?? null,
        phone: f.phone ?? null,
        mobile: f.mobile ?? null,
        type: f.type ?? null,
        isPrimary: f.is_primary_contact === '1',
        active: true,
        editedAt: stamp(),
      },
    });
    return Promise.resolve();
  }

  updateContact(uuid: string, f: Sm8ContactWrite) {
    this.writes += 1;
    this.editContact(uuid, {
      ...(f.email !== undefined ? { email: f.email } : {}),
      ...(f.phone !== undefined ? { phone: f.phone } : {}),
      ...(f.mobile !== undefined ? { mobile: f.mobile } : {}),
    });
    return Promise.resolve();
  }
}

export class FakeStripe implements StripeCustomersPort {
  customers = new Map<string, Versioned<StripeCustomer>>();
  deletedLog: Versioned<string>[] = [];
  keys = new Map<string, string>();
  writes = 0;
  /** When set, customer updates are refused with this message (as Stripe refuses invalid input). */
  refuseUpdates: string | null = null;
  private next = 1;

  add(change: Partial<StripeCustomer>): StripeCustomer {
    const at = stamp();
    const customer: StripeCustomer = {
      id: `cus_${this.next++}`,
      name: null,
      email: null,
      phone: null,
      address: null,
      metadata: {},
      abn: null,
      deleted: false,
      createdAt: at,
      editedAt: at,
      ...change,
    };
    this.customers.set(customer.id, { seq: ++seq, record: customer });
    return customer;
  }

  edit(id: string, change: Partial<StripeCustomer>): StripeCustomer {
    const current = this.customers.get(id)!.record;
    const record = { ...current, ...change, metadata: { ...current.metadata, ...(change.metadata ?? {}) }, editedAt: stamp() };
    for (const [k, v] of Object.entries(record.metadata)) if (v === '') delete record.metadata[k];
    this.customers.set(id, { seq: ++seq, record });
    return record;
  }

  remove(id: string): void {
    this.customers.delete(id);
    this.deletedLog.push({ seq: ++seq, record: id });
  }

  /** The shared events feed as the engine reads it: one event per change since the cursor (a sequence number). */
  readonly feed: ChangeFeed = {
    name: 'stripe.events',
    read: (cursor) => {
      const after = cursor === null ? 0 : Number(cursor);
      const top = Math.max(after, ...[...this.customers.values()].map((v) => v.seq), ...this.deletedLog.map((d) => d.seq));
      // The events feed is gone (first run, or older than Stripe keeps): the pairs list everything instead.
      const needsFullRescan = cursor === null || this.rescan;
      const changed = needsFullRescan ? [] : [...this.customers.values()].filter((v) => v.seq > after);
      const deleted = needsFullRescan ? [] : this.deletedLog.filter((d) => d.seq > after);
      const events = [
        ...changed.map((v) => ({ seq: v.seq, type: 'customer.updated', id: v.record.id, object: structuredClone(v.record) })),
        ...deleted.map((d) => ({ seq: d.seq, type: 'customer.deleted', id: d.record, object: { id: d.record } })),
      ]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => ({ id: `evt_${e.seq}`, type: e.type, createdAt: stamp(), objectId: e.id, object: e.object }));
      return Promise.resolve({ events, needsFullRescan, cursor: String(top) });
    },
  };

  customerChanges(batch: FeedBatch) {
    if (batch.needsFullRescan) {
      this.rescan = false;
      const listed = [...this.customers.values()].filter((v) => !this.hideFromNextScan.has(v.record.id));
      this.hideFromNextScan.clear();
      return Promise.resolve({
        customers: listed.map((v) => structuredClone(v.record)),
        deletedIds: [],
        abnById: Object.fromEntries(listed.map((v) => [v.record.id, v.record.abn])),
        rejected: [],
        fullScan: true,
      });
    }
    const customers = new Map<string, StripeCustomer>();
    const deletedIds = new Set<string>();
    for (const event of batch.events) {
      if (event.type === 'customer.deleted') {
        deletedIds.add(event.objectId!);
        customers.delete(event.objectId!);
      } else customers.set(event.objectId!, event.object as StripeCustomer);
    }
    return Promise.resolve({
      customers: [...customers.values()],
      deletedIds: [...deletedIds],
      abnById: Object.fromEntries([...customers.values()].map((c) => [c.id, c.abn])),
      rejected: [],
      fullScan: false,
    });
  }

  getCustomer(id: string) {
    const found = this.customers.get(id);
    return Promise.resolve(found ? { ...structuredClone(found.record), abn: null } : null);
  }

  createCustomer(input: StripeCustomerWrite & { abn?: string | null }, key: string) {
    const existing = this.keys.get(key);
    if (existing) return Promise.resolve(structuredClone(this.customers.get(existing)!.record));
    this.writes += 1;
    const customer = this.add({
      name: input.name ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      metadata: input.metadata ?? {},
      abn: input.abn ?? null,
    });
    this.keys.set(key, customer.id);
    if (this.dropNextCreateAnswer) {
      this.dropNextCreateAnswer = false;
      return Promise.reject(new Error('socket hang up'));
    }
    return Promise.resolve(structuredClone(customer));
  }

  updateCustomer(id: string, input: StripeCustomerWrite) {
    if (this.refuseUpdates) return Promise.reject(new Error(this.refuseUpdates));
    this.writes += 1;
    const change: Partial<StripeCustomer> = {};
    if (input.name !== undefined) change.name = input.name;
    if (input.email !== undefined) change.email = input.email;
    if (input.phone !== undefined) change.phone = input.phone;
    if (input.address !== undefined) change.address = input.address;
    if (input.metadata) change.metadata = input.metadata;
    return Promise.resolve(structuredClone(this.edit(id, change)));
  }

  /** Pretends the next full scan leaves these out (as a cut-short list would). */
  hideFromNextScan = new Set<string>();
  private rescan = false;

  forceRescan(): void {
    this.rescan = true;
  }

  /** The next create is carried out but its answer is lost (as when a connection drops). */
  dropNextCreateAnswer = false;

  /** Stripe prunes idempotency keys after 24 hours. */
  forgetKeys(): void {
    this.keys.clear();
  }

  findByCrossReference(uuid: string) {
    const found = [...this.customers.values()].find((v) => v.record.metadata.servicem8_uuid === uuid);
    return Promise.resolve(found ? structuredClone(found.record) : null);
  }

  confirmDeleted(ids: string[]) {
    return Promise.resolve(ids.filter((id) => !this.customers.has(id)));
  }

  setAbn(id: string, abn: string | null) {
    this.writes += 1;
    this.edit(id, { abn });
    return Promise.resolve();
  }
}
