// The jobs → invoices pair, one straight path: pull ServiceM8 jobs, materials, tax
// rates, staff and categories by cursor and Stripe invoices from the shared events
// feed → mirror → plan (plan-invoices.ts) → apply (apply-invoice.ts). Runs after the
// clients pair in the same cycle, so a job's client is linked before its invoice.
import { createHash, randomUUID } from 'node:crypto';
import type { CycleContext, PreparedPair, SyncPair } from '../engine/sync-pair';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { PlanningLinks, storedLinks } from '../kit/planning-links';
import { invoiceHandlers } from './apply-invoice';
import { forgetDeleted, jobsOfDeleted, linkAsPlanned } from './deleted-invoices';
import { allMaterialsByJob, materialsByJob } from './materials-of';
import { storedInvoicesFor } from './stored-invoices';
import { INVOICE_CURSORS, invoiceDefinition } from './definition';
import { RECHECKED } from './eligibility';
import { jobsOfChangedOwners } from './owner-changes';
import type { InvoicePairDeps } from './pair-deps';
import type { InvoiceBase } from './payloads';
import type { InvoicePlanContext, InvoiceWorld } from './plan-context';
import { planInvoices } from './plan-invoices';
import { planQuotes } from './plan-quotes';
import { quoteInputs } from './quote-inputs';
import { PULLED, servicem8Reads, type Pulled, type PulledObject } from './servicem8-reads';
import { stripeInvoiceChanges } from './stripe-changes';
import { TaxRateResolver } from './tax-rates';
import { INVOICE_ENTITY, MIRROR, type Category, type Job, type Material, type Staff, type StripeInvoice, type TaxRate } from './types';

export type { InvoicePairDeps } from './pair-deps';

/** The value, computed the first time it is asked for. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

export function settingsKey(settings: CycleContext['settings']): string {
  const relevant = [settings.invoices.trigger, settings.invoices.stripeCreatedInvoice, settings.rules.filters.jobCategories];
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

export function createInvoicePair(deps: InvoicePairDeps): SyncPair {
  const { store } = deps;
  const taxRates = new TaxRateResolver(deps.stripe);
  const reads = servicem8Reads(deps);
  const mirrorMap = <T extends { uuid: string }>(object: string) =>
    new Map(store.mirror.list<T>('servicem8', object).map((r) => [r.record.uuid, r.record] as const));

  return {
    definition: invoiceDefinition,
    handlers: invoiceHandlers(deps, taxRates),
    classify: (error) => deps.errors.classify(error),
    readAhead: (context) => reads.readAhead(context),
    async prepare(context: CycleContext): Promise<PreparedPair> {
      const pulled = {} as Record<Pulled, PulledObject>;
      try {
        for (const object of PULLED) {
          pulled[object] = await reads.pull(context, object);
          context.progress('pull', INVOICE_ENTITY, pulled[object].records.length, null);
        }
      } finally {
        reads.finish();
      }
      const batch = await context.feed(STRIPE_EVENTS_FEED);
      const changes = await stripeInvoiceChanges(
        deps.stripe,
        batch,
        (id) => store.mirror.get('stripe', MIRROR.invoice, id) !== null,
        () => store.mirror.ids('stripe', MIRROR.invoice),
      );
      const deleted = new Set(changes.deletedIds);
      context.progress('plan', INVOICE_ENTITY, 0, null);

      // The world: the mirror with this pull laid over it.
      const fresh = <T>(object: Pulled) => new Map(pulled[object].records.map((r) => [r.uuid, r as unknown as T]));
      // Read when a job is planned, not before: an idle cycle reads no mirror row.
      const taxRateMap = once(() => new Map([...mirrorMap<TaxRate>(MIRROR.taxRate), ...fresh<TaxRate>('taxrate')]));
      const staffMap = once(() => new Map([...mirrorMap<Staff>(MIRROR.staff), ...fresh<Staff>('staff')]));
      const categoryMap = once(() => new Map([...mirrorMap<Category>(MIRROR.category), ...fresh<Category>('category')]));
      const freshJobs = fresh<Job>('job');
      const freshMaterials = pulled.jobmaterial.records as unknown as Material[];
      const freshInvoices = new Map(changes.invoices.map((i) => [i.id, i]));
      const replanAll = store.cursors.get(INVOICE_CURSORS.settings) !== settingsKey(context.settings);
      // Every job is planned on a full replan (or a tax rate change): read every line once. Otherwise read
      // the lines of each job planned, by job, so a cycle with a few changes reads a few jobs' lines.
      const materialsOf =
        replanAll || pulled.taxrate.records.length > 0 ? allMaterialsByJob(store, freshMaterials) : materialsByJob(store, freshMaterials);
      // Lines that cannot be read (by line uuid): quarantined earlier (raw keeps the job) unless read fine now, or rejected now.
      const unreadLines = new Map<string, { job: string; reason: string }>();
      const quarantinedLines = new Set<string>();
      for (const q of store.quarantine.listActive()) {
        if (q.side !== 'servicem8' || q.object !== 'jobmaterial') continue;
        quarantinedLines.add(q.recordId);
        const job = (q.raw as { job_uuid?: unknown } | null)?.job_uuid;
        if (typeof job === 'string') unreadLines.set(q.recordId, { job, reason: q.reason });
      }
      for (const m of freshMaterials) unreadLines.delete(m.uuid);
      for (const r of pulled.jobmaterial.rejected) if (r.jobUuid) unreadLines.set(r.uuid, { job: r.jobUuid, reason: r.reason });
      const unreadByJob = new Map([...unreadLines.values()].map((u) => [u.job, u.reason]));
      const world: InvoiceWorld = {
        unreadLine: (uuid) => unreadByJob.get(uuid) ?? null,
        job: (uuid) => freshJobs.get(uuid) ?? store.mirror.get<Job>('servicem8', MIRROR.job, uuid)?.record ?? null,
        allJobs: () => {
          const all = new Map(store.mirror.list<Job>('servicem8', MIRROR.job).map((r) => [r.id, r.record]));
          for (const [id, job] of freshJobs) all.set(id, job);
          return [...all.values()];
        },
        materialsOf,
        get taxRates() {
          return taxRateMap();
        },
        get categories() {
          return categoryMap();
        },
        get staff() {
          return staffMap();
        },
        invoice: (id) =>
          freshInvoices.get(id) ??
          (deleted.has(id) ? null : (store.mirror.get<StripeInvoice>('stripe', MIRROR.invoice, id)?.record ?? null)),
        allInvoices: () => {
          const all = new Map(store.mirror.list<StripeInvoice>('stripe', MIRROR.invoice).map((r) => [r.id, r.record]));
          for (const [id, invoice] of freshInvoices) all.set(id, invoice);
          for (const id of changes.deletedIds) all.delete(id);
          return [...all.values()];
        },
        // A full replan matches every job: it reads every invoice once (allInvoices) instead.
        invoicesFor: replanAll ? undefined : storedInvoicesFor(store, freshInvoices, changes.deletedIds),
      };

      // Subjects: changed jobs, jobs whose lines changed, jobs waiting on something that may have lifted;
      // every job when the settings that decide invoicing changed (or on the first run).
      const settingsNow = settingsKey(context.settings);
      const jobs = new Set<string>(freshJobs.keys());
      for (const m of freshMaterials) jobs.add(m.jobUuid);
      for (const r of pulled.jobmaterial.rejected) if (r.jobUuid) jobs.add(r.jobUuid);
      for (const key of store.invoiceJobs.keysWithReason(RECHECKED)) jobs.add(key);
      const owners = jobsOfChangedOwners(
        pulled.staff.records as unknown as Staff[],
        (uuid) => store.mirror.get<Staff>('servicem8', MIRROR.staff, uuid)?.record ?? null,
        () => world.allJobs(),
        (uuid) => store.links.byServiceM8Id(INVOICE_ENTITY, uuid) !== null,
      );
      for (const uuid of owners) jobs.add(uuid);
      for (const id of store.deferred.list(INVOICE_ENTITY).servicem8) jobs.add(id);
      for (const uuid of jobsOfDeleted(store, changes.deletedIds)) jobs.add(uuid);
      const choices = store.invoiceChoices.all();
      for (const uuid of choices.keys()) jobs.add(uuid); // a person's choice (skip, send now) since the last plan
      if (pulled.taxrate.records.length > 0 || replanAll) for (const job of world.allJobs()) jobs.add(job.uuid);
      const invoices = replanAll ? world.allInvoices() : [...freshInvoices.values()];
      for (const id of store.deferred.list(INVOICE_ENTITY).stripe) {
        const invoice = world.invoice(id);
        if (invoice && !freshInvoices.has(id)) invoices.push(invoice);
      }
      const rateBp = await taxRates.bpOf(invoices.flatMap((i) => i.lines.map((l) => l.taxRateId)));

      const quarantined = once(
        () =>
          new Map(
            store.quarantine
              .listActive()
              .filter((q) => q.side === 'servicem8' && q.object === 'company')
              .map((q) => [q.recordId, q.reason]),
          ),
      );
      const quotes = quoteInputs(store, { freshJobs: freshJobs.values(), replanAll, allJobs: () => world.allJobs() });
      const links = new PlanningLinks(storedLinks(store.links, INVOICE_ENTITY));
      const planContext: InvoicePlanContext = {
        settings: context.settings,
        link: (uuid) => linkAsPlanned(store.links.byServiceM8Id(INVOICE_ENTITY, uuid), deleted),
        links,
        baseOf: (linkId) => store.snapshots.get<InvoiceBase>(linkId)?.fields ?? null,
        client: (companyUuid) => {
          const company = companyUuid
            ? store.mirror.get<{ name: string | null; abn: string | null }>('servicem8', 'company', companyUuid)?.record
            : null;
          const named = { name: company?.name ?? null, abn: company?.abn ?? null };
          if (!companyUuid) return { kind: 'unlinked', ...named };
          const reason = quarantined().get(companyUuid);
          if (reason) return { kind: 'quarantined', reason, ...named };
          const link = store.links.byServiceM8Id('client', companyUuid);
          return link ? { kind: 'linked', customerId: link.stripeId, ...named } : { kind: 'unlinked', ...named };
        },
        clientOfCustomer: (customerId) => (customerId ? (store.links.byStripeId('client', customerId)?.servicem8Id ?? null) : null),
        customerName: (customerId) => {
          const customer = customerId
            ? store.mirror.get<{ name: string | null; abn: string | null }>('stripe', 'customer', customerId)?.record
            : null;
          return { name: customer?.name ?? null, abn: customer?.abn ?? null };
        },
        resolved: store.conflicts.listForEntity(INVOICE_ENTITY, ['resolved']),
        busy: store.outbox.busySubjects(INVOICE_ENTITY),
        rateBp,
        standing: (key) => store.invoiceJobs.get(key),
        choice: (uuid) => choices.get(uuid) ?? null,
        newUuid: deps.newUuid ?? randomUUID,
      };
      const out = planInvoices({ jobs, invoices }, world, planContext);
      const zone = context.settings.businessTimeZone;
      planQuotes(quotes.clients(), quotes.jobsOf, { zone, busy: planContext.busy }, out.plan);
      const rejected = PULLED.flatMap((object) => pulled[object].rejected).concat(
        changes.rejected.map((r) => ({ uuid: r.id, object: r.object, reason: r.reason })),
      );

      return {
        plan: out.plan,
        pulled: {
          servicem8: PULLED.reduce((n, object) => n + pulled[object].records.length, 0),
          stripe: changes.invoices.length + changes.deletedIds.length,
        },
        quarantined: rejected.length,
        persist() {
          for (const object of PULLED) {
            for (const r of pulled[object].records)
              store.mirror.upsert({ side: 'servicem8', object, id: r.uuid, record: r, editedAt: r.editDate || null, active: r.active });
            store.cursors.set(INVOICE_CURSORS[object], JSON.stringify(pulled[object].cursor));
          }
          for (const invoice of changes.invoices)
            store.mirror.upsert({ side: 'stripe', object: MIRROR.invoice, id: invoice.id, record: invoice, editedAt: null, active: true });
          forgetDeleted(store, changes.deletedIds);
          for (const r of rejected)
            store.quarantine.put({
              side: r.object === 'invoice' ? 'stripe' : 'servicem8',
              object: r.object,
              recordId: r.uuid,
              reason: r.reason,
              raw: 'jobUuid' in r && r.jobUuid ? { job_uuid: r.jobUuid } : null,
            });
          // A line read fine again is no longer quarantined, and its job can be invoiced.
          for (const m of freshMaterials) if (quarantinedLines.has(m.uuid)) store.quarantine.release('servicem8', 'jobmaterial', m.uuid);
          for (const row of out.typed) store.invoices.upsert(row, zone);
          for (const state of out.states) store.invoiceJobs.put(state);
          store.cursors.set(INVOICE_CURSORS.settings, settingsNow);
          store.deferred.replace(INVOICE_ENTITY, out.plan.deferred);
        },
      };
    },
  };
}
