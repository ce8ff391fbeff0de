// Seeds a local store with what a finished first sync of the simulators of
// idle-simulators.ts leaves in it, without the hours of rate-limited writes a real one
// would take. Why it is equivalent for an idle cycle:
// - ServiceM8 is read by the pairs' own pulls (the adapters and the connector, from no
//   cursor: exactly a first sync's reads), so the mirror holds the very records, and the
//   cursors the very positions, a first sync saves.
// - Stripe customers and invoices come from the simulator's dump of its objects as the
//   API renders them, parsed by the connector's own schemas (listing 300,000 objects
//   100 a page through the simulator would take longer than the bench).
// - Links are made as matching makes them: by the cross-references both simulators
//   carry (metadata.servicem8_uuid, metadata.servicem8_job_uuid); each client link gets
//   the merge base a first sync records for a pair that already agrees.
// - The events feed cursor is the newest event, as a first sync leaves it; the invoices
//   pair's settings stamp is the current settings'.
// - Paid jobs (idle-simulators.ts --paid-every): the payments pair's mirror, links,
//   merge bases and typed payments table, from its own reads (idle-store-payments.ts).
// Not seeded: the typed invoices table and the invoice list's job standings (the
// invoices pair writes them while planning; a cycle with no subject never reads them),
// and invoice merge bases. A cycle after this seed must pull and plan nothing: the
// bench checks that before it measures.
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import {
  apiKeyAuth,
  createServiceM8Limiter,
  ServiceM8Client,
  type ChangeCursor,
  type ServiceM8Object,
} from '../../src/main/core/connectors/servicem8/index';
import { customerRecord } from '../../src/main/core/connectors/stripe/schemas';
import { invoiceRecord } from '../../src/main/core/connectors/stripe/invoice-schemas';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { Store } from '../../src/main/core/store/store';
import { servicem8ClientsPort } from '../../src/main/core/sync/adapters/servicem8-clients';
import { toCustomer } from '../../src/main/core/sync/adapters/stripe-customers';
import { assembleServiceM8Client } from '../../src/main/core/sync/clients/assemble';
import { CLIENT_CURSORS } from '../../src/main/core/sync/clients/definition';
import type { Sm8Contact } from '../../src/main/core/sync/clients/types';
import { feedCursorName } from '../../src/main/core/sync/engine/change-feed';
import { INVOICE_CURSORS } from '../../src/main/core/sync/invoices/definition';
import { settingsKey } from '../../src/main/core/sync/invoices/invoice-pair';
import { META } from '../../src/main/core/sync/invoices/types';
import { STRIPE_EVENTS_FEED } from '../../src/main/core/sync/kit/feeds';
import { PAYMENT_CURSORS } from '../../src/main/core/sync/payments/definition';
import { servicem8PaymentsPort } from '../../src/main/core/sync/payments/adapters/servicem8-payments-port';
import type { Settings } from '../../src/shared/settings';
import { seedPayments } from './idle-store-payments';

const INVOICE_OBJECTS = ['taxrate', 'staff', 'category', 'job', 'jobmaterial'] as const satisfies readonly ServiceM8Object[];

export async function seedFirstSync(
  store: Store,
  options: { servicem8: string; stripe: string; dump: string; settings: Settings; keys: { servicem8: string; stripe: string } },
): Promise<{ clients: number; invoices: number; payments: { card: number; cash: number } }> {
  const servicem8 = new ServiceM8Client({
    baseUrl: options.servicem8,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': options.keys.servicem8 })),
    limiter: createServiceM8Limiter({ perMinute: 600_000, perDay: 100_000_000 }),
    cursor: { overlapSeconds: options.settings.sync.overlapSeconds },
  });
  const stripe = new StripeConnector({ apiKey: options.keys.stripe, baseUrl: options.stripe, maxRequestsPerSecond: 5000 });

  const clientsPort = servicem8ClientsPort(servicem8);
  const companies = await clientsPort.pullCompanies(null);
  const contacts = await clientsPort.pullContacts(null);
  const pulled = new Map<string, { records: { uuid: string; active: boolean; editDate: string }[]; cursor: ChangeCursor }>();
  for (const object of INVOICE_OBJECTS) {
    const result = await servicem8.listChangedSince(object, null);
    pulled.set(object, { records: result.records, cursor: result.cursor });
  }
  const jobPayments = await servicem8PaymentsPort(servicem8).pullPayments(null);
  const feed = await stripe.listEventsSince(null, []);

  const contactsOf = new Map<string, Sm8Contact[]>();
  for (const c of contacts.records) contactsOf.set(c.companyUuid, [...(contactsOf.get(c.companyUuid) ?? []), c]);
  const companyByUuid = new Map(companies.records.map((c) => [c.uuid, c]));
  const counts = { clients: 0, invoices: 0 };
  store.transaction(() => {
    for (const c of companies.records)
      store.mirror.upsert({ side: 'servicem8', object: 'company', id: c.uuid, record: c, editedAt: c.editedAt, active: c.active });
    for (const c of contacts.records)
      store.mirror.upsert({ side: 'servicem8', object: 'companycontact', id: c.uuid, record: c, editedAt: c.editedAt, active: c.active });
    for (const [object, { records, cursor }] of pulled) {
      for (const r of records)
        store.mirror.upsert({ side: 'servicem8', object, id: r.uuid, record: r, editedAt: r.editDate || null, active: r.active });
      store.cursors.set(INVOICE_CURSORS[object as (typeof INVOICE_OBJECTS)[number]], JSON.stringify(cursor));
    }
    store.cursors.set(CLIENT_CURSORS.companies, companies.cursor);
    store.cursors.set(CLIENT_CURSORS.contacts, contacts.cursor);
    store.cursors.set(PAYMENT_CURSORS.jobPayments, jobPayments.cursor);
    store.cursors.set(INVOICE_CURSORS.settings, settingsKey(options.settings));
    store.cursors.set(feedCursorName(STRIPE_EVENTS_FEED), feed.cursor ?? '');
  });

  const lines = readline.createInterface({ input: createReadStream(options.dump) });
  let batch: string[] = [];
  const flush = () =>
    store.transaction(() => {
      for (const line of batch) {
        const json = JSON.parse(line) as { object: string };
        if (json.object === 'customer') {
          const customer = toCustomer(customerRecord.parse(json), null);
          store.mirror.upsert({ side: 'stripe', object: 'customer', id: customer.id, record: customer, editedAt: null, active: true });
          const company = companyByUuid.get(customer.metadata.servicem8_uuid ?? '');
          if (!company) throw new Error(`seed: customer ${customer.id} names no ServiceM8 client`);
          const link = store.links.create({
            entity: 'client',
            servicem8Id: company.uuid,
            stripeId: customer.id,
            servicem8EditedAt: company.editedAt,
          });
          const assembled = assembleServiceM8Client(company, contactsOf.get(company.uuid) ?? [], options.settings.rules.transforms);
          if (assembled.ok) store.snapshots.merge(link.id, assembled.record.fields);
          counts.clients += 1;
        } else {
          const invoice = invoiceRecord.parse(json);
          store.mirror.upsert({ side: 'stripe', object: 'invoice', id: invoice.id, record: invoice, editedAt: null, active: true });
          const job = invoice.metadata?.[META.jobUuid];
          if (!job) throw new Error(`seed: invoice ${invoice.id} names no job`);
          store.links.create({ entity: 'invoice', servicem8Id: job, stripeId: invoice.id });
          counts.invoices += 1;
        }
      }
      batch = [];
    });
  for await (const line of lines) {
    batch.push(line);
    if (batch.length >= 5000) flush();
  }
  flush();
  const payments = await seedPayments(store, stripe, jobPayments.records, options.settings.businessTimeZone);
  return { ...counts, payments };
}
