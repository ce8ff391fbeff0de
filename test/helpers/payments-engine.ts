// The sync engine with the payments pair and a stand-in for the invoices pair (written
// in parallel, not in this tree): the stand-in only links the job ⇄ Stripe invoice pairs
// a test registers and files both sides in store.invoices, as the invoices pair does.
import { apiKeyAuth, ServiceM8Client } from '../../src/main/core/connectors/servicem8/index';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { Store } from '../../src/main/core/store/store';
import { classifyConnectorError } from '../../src/main/core/sync/adapters/classify-error';
import { stripeEventFeed } from '../../src/main/core/sync/adapters/stripe-event-feed';
import { FileCycleLock } from '../../src/main/core/sync/engine/cycle-lock';
import { emptyPlan } from '../../src/main/core/sync/engine/plan-types';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import type { SyncPair } from '../../src/main/core/sync/engine/sync-pair';
import { servicem8PaymentsPort } from '../../src/main/core/sync/payments/adapters/servicem8-payments-port';
import { stripePaymentsPort } from '../../src/main/core/sync/payments/adapters/stripe-payments-port';
import { createPaymentPair } from '../../src/main/core/sync/payments/payment-pair';
import { parseSettings, type SettingsInput } from '../../src/shared/settings';
import path from 'node:path';

export interface InvoicePairing {
  jobUuid: string;
  jobNumber: string;
  invoiceId: string;
  invoiceNumber: string | null;
  totalCents: number;
  /** UTC instant the invoice is dated. */
  at: string;
}

/** Files a pairing the way the invoices pair would: both rows in store.invoices, other_side_id set. */
export function fileInvoice(store: Store, p: InvoicePairing, zone = 'Australia/Sydney'): void {
  const common = {
    status: 'open' as const,
    totalIncCents: p.totalCents,
    totalExCents: p.totalCents,
    gstCents: 0,
    invoiceAt: p.at,
    lines: [],
  };
  store.invoices.upsert(
    { ...common, side: 'servicem8', externalId: p.jobUuid, jobUuid: p.jobUuid, jobNumber: p.jobNumber, otherSideId: p.invoiceId },
    zone,
  );
  store.invoices.upsert(
    {
      ...common,
      side: 'stripe',
      externalId: p.invoiceId,
      jobUuid: p.jobUuid,
      jobNumber: p.jobNumber,
      invoiceNumber: p.invoiceNumber,
      otherSideId: p.jobUuid,
    },
    zone,
  );
}

/** Entity 'invoice' with no operations: it links what the test registered, in the same cycle, before payments run. */
export function standInInvoicePair(store: Store, registered: InvoicePairing[]): SyncPair {
  return {
    definition: {
      entity: 'invoice',
      labels: { singular: 'invoice', plural: 'invoices', servicem8: 'ServiceM8 jobs', stripe: 'Stripe invoices' },
      mirrors: { servicem8: 'job', stripe: 'invoice' },
      cursors: [],
      dependsOn: [],
      operations: {},
      conflictKinds: {},
    },
    handlers: {},
    classify: classifyConnectorError,
    prepare() {
      const plan = emptyPlan();
      const fresh = registered.filter((p) => !store.links.byServiceM8Id('invoice', p.jobUuid));
      for (const p of fresh)
        plan.links.push({
          entity: 'invoice',
          servicem8Id: p.jobUuid,
          stripeId: p.invoiceId,
          servicem8EditedAt: null,
          stripeEditedAt: null,
        });
      return Promise.resolve({
        plan,
        pulled: { servicem8: 0, stripe: 0 },
        quarantined: 0,
        persist: () => fresh.forEach((p) => fileInvoice(store, p)),
      });
    },
  };
}

export interface EngineOptions {
  store: Store;
  servicem8Url: string;
  stripeUrl: string;
  settings?: SettingsInput;
  registered?: InvoicePairing[];
  clock?: () => Date;
  /** Short backoffs: the simulators answer in microseconds. */
  fast?: boolean;
}

export function buildPaymentsEngine(options: EngineOptions) {
  const { store } = options;
  const servicem8 = new ServiceM8Client({
    baseUrl: options.servicem8Url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
    limits: { perMinute: 1_000_000, perDay: 100_000_000 },
    retry: { retries: 8, baseMs: 5, maxMs: 50 },
  });
  const stripe = new StripeConnector({
    apiKey: 'sk_test_paymentsPairKey0001',
    baseUrl: options.stripeUrl,
    maxRequestsPerSecond: null,
    retry: { retries: 8, baseMs: 5, maxMs: 50 },
  });
  const pair = createPaymentPair({
    store,
    servicem8: servicem8PaymentsPort(servicem8),
    stripe: stripePaymentsPort(stripe),
    errors: { classify: classifyConnectorError },
  });
  const engine = new SyncEngine({
    store,
    pairs: [pair, standInInvoicePair(store, options.registered ?? [])],
    feeds: [stripeEventFeed(stripe)],
    lock: new FileCycleLock(path.dirname(store.file)),
    settings: () => parseSettings(options.settings ?? {}),
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20000 }),
    ...(options.clock ? { clock: options.clock } : {}),
    concurrency: 8,
  });
  return { engine, pair, servicem8, stripe };
}
