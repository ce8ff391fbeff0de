// The app API: the one contract between the UI and the main process. The Electron
// IPC bridge, the loopback server (`serve`) and the CLI are adapters over it. Every
// call's params and result and every event payload has a zod schema here; main
// validates what it receives, the renderer what it gets back.
import { z } from 'zod';
import { reconciliationEventSchema, REPORT_API } from './report-schemas';
import { settingsSchema, SYNC_SIDES } from './settings';

const isoInstant = z.string().datetime({ offset: true });
const side = z.enum(SYNC_SIDES);

export const syncStateSchema = z.enum(['not_connected', 'not_synced', 'in_sync', 'syncing', 'needs_approval', 'failing', 'paused']);

export const statusSchema = z.object({
  state: syncStateSchema,
  /** Scheduled syncs are paused (the setting, whatever state is shown). Sync now still works. */
  paused: z.boolean(),
  /** Why the state is what it is, in a sentence for people. */
  headline: z.string(),
  lastSyncAt: isoInstant.nullable(),
  lastGoodSyncAt: isoInstant.nullable(),
  nextSyncAt: isoInstant.nullable(),
  businessTimeZone: z.string(),
  counts: z.object({
    /** Linked records per pair, in cycle order ("Clients: 12"). */
    linked: z.array(
      z.object({
        entity: z.string(),
        label: z.string(),
        count: z.number().int(),
        /** Records known on each side (linked or not). */
        servicem8: z.number().int().optional(),
        stripe: z.number().int().optional(),
      }),
    ),
    pendingWrites: z.number().int(),
    openConflicts: z.number().int(),
    quarantined: z.number().int(),
    needsAttention: z.number().int(),
  }),
  running: z
    .object({
      startedAt: isoInstant,
      phase: z.string(),
      entity: z.string().nullable(),
      done: z.number().int(),
      total: z.number().int().nullable(),
      /** The pair's words ("clients") and the whole line for people ("Sending changes · clients · 12 of 40 · …"). */
      label: z.string().nullable().optional(),
      text: z.string().optional(),
    })
    .nullable(),
  lastError: z.string().nullable(),
  rateBudget: z.object({
    servicem8: z.object({
      usedLastMinute: z.number().int(),
      perMinute: z.number().int(),
      usedToday: z.number().int(),
      perDay: z.number().int(),
    }),
  }),
});

export const entitySummarySchema = z.object({
  entity: z.string(),
  pulled: z.object({ servicem8: z.number().int(), stripe: z.number().int() }),
  created: z.object({ servicem8: z.number().int(), stripe: z.number().int() }),
  updated: z.object({ servicem8: z.number().int(), stripe: z.number().int() }),
  linked: z.number().int(),
  conflicts: z.number().int(),
  quarantined: z.number().int(),
  failed: z.number().int(),
});

export const syncResultSchema = z.object({
  runId: z.number().int(),
  dryRun: z.boolean(),
  state: z.enum(['completed', 'failed', 'skipped']),
  startedAt: isoInstant,
  finishedAt: isoInstant,
  entities: z.array(entitySummarySchema),
  /** Planned writes (a dry run stops at the plan and lists them here). */
  plan: z.array(
    z.object({ entity: z.string(), target: side, operation: z.string(), subject: z.string(), fields: z.record(z.string(), z.unknown()) }),
  ),
  error: z.string().nullable(),
});

export const conflictSideSchema = z.object({
  id: z.string().nullable(),
  value: z.unknown(),
  editedAt: isoInstant.nullable(),
});

export const conflictViewSchema = z.object({
  id: z.number().int(),
  /** The kind of question, as its pair names it (field, duplicate, deletion, …). */
  kind: z.string(),
  entity: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  detail: z.string().nullable(),
  servicem8: conflictSideSchema,
  stripe: conflictSideSchema,
  candidates: z.array(z.object({ side, id: z.string(), name: z.string().nullable(), email: z.string().nullable() })),
  /** "Possible duplicate", "Different values" … */
  kindLabel: z.string(),
  /** The decisions this question offers now (impossible ones are left out), each with what it will do. */
  actions: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      effect: z.string(),
      /** The action links to a candidate the person picks, one of these. */
      candidateIds: z.array(z.string()).nullable(),
    }),
  ),
  state: z.enum(['open', 'resolved', 'applied', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: isoInstant,
});

/** What a bulk decision did: the ids it settled, and the ones it could not with why. */
export const idOutcomeSchema = z.object({
  resolved: z.array(z.number().int()),
  failed: z.array(z.object({ id: z.number().int(), reason: z.string() })),
});

export const PAYMENT_STATES = ['synced', 'servicem8_pay', 'waiting', 'needs_approval', 'failed', 'unmatched'] as const;

/** One payment (or refund, negative) on either side, with both ids once linked, and its match state in words. */
export const paymentRowSchema = z.object({
  servicem8PaymentUuid: z.string().nullable(),
  stripePaymentId: z.string().nullable(),
  jobNumber: z.string().nullable(),
  amountCents: z.number().int(),
  feeCents: z.number().int(),
  feeGstCents: z.number().int(),
  paidAt: isoInstant,
  method: z.string().nullable(),
  state: z.enum(PAYMENT_STATES),
  reason: z.string(),
});

/** A write the API refused, waiting for a person to retry or dismiss it. */
export const failureViewSchema = z.object({
  id: z.number().int(),
  entity: z.string(),
  /** "Stripe customer", "ServiceM8 client" — where the write was going. */
  target: side,
  operation: z.string(),
  /** The record's name (or its id when no name is known). */
  title: z.string(),
  /** What the write was, in words. */
  what: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  failedAt: isoInstant,
});

export const activityEntrySchema = z.object({
  id: z.number().int(),
  at: isoInstant,
  direction: z.enum(['servicem8_to_stripe', 'stripe_to_servicem8', 'local']),
  entity: z.string(),
  operation: z.string(),
  servicem8Id: z.string().nullable(),
  stripeId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: z.enum(['success', 'failed', 'skipped']),
  message: z.string().nullable(),
  /** Who: the record's name (client name, job number) when it is known. */
  name: z.string().nullable().optional(),
});

/** One day of the Status chart (in the business time zone). */
export const activityDaySchema = z.object({
  day: z.string(),
  label: z.string(),
  writes: z.number().int(),
  failures: z.number().int(),
  findings: z.number().int(),
});

/** What a dry run with unsaved settings would do, in words. */
export const settingsPreviewSchema = z.object({
  lines: z.array(z.string()),
  planned: z.number().int(),
  error: z.string().nullable(),
});

export const quarantineEntrySchema = z.object({
  id: z.number().int(),
  side,
  object: z.string(),
  recordId: z.string(),
  reason: z.string(),
  lastSeenAt: isoInstant,
  /** The record's name, what it is ("ServiceM8 client"), what is wrong and what to fix, in words. */
  name: z.string().optional(),
  what: z.string().optional(),
  problem: z.string().optional(),
  fix: z.string().optional(),
  /** Where to fix it: the ServiceM8 web app or the record in the Stripe Dashboard. */
  link: z.string().url().optional(),
  linkLabel: z.string().optional(),
  /** A note, not a record to fix (a Stripe change notice that could not be read): nothing to do, it goes by itself. */
  nothingToDo: z.boolean().optional(),
});

export const connectionSchema = z.object({
  service: side,
  connected: z.boolean(),
  method: z.enum(['api_key', 'oauth', 'restricted_key', 'secret_key']).nullable(),
  source: z.enum(['keychain', 'environment', 'memory']).nullable(),
  /** The account name the last test saw, e.g. the ServiceM8 business or Stripe account. */
  account: z.string().nullable(),
  endpoint: z.string(),
  /** A Stripe test-mode key (sk_test_/rk_test_): nothing real is charged or invoiced. */
  testMode: z.boolean().optional(),
});

export const connectionTestSchema = z.object({ service: side, ok: z.boolean(), message: z.string(), account: z.string().nullable() });

export const INVOICE_LIST_STATES = ['sent', 'waiting', 'not_sent', 'needs_approval', 'failed'] as const;
export const invoiceListStateSchema = z.enum(INVOICE_LIST_STATES);

/** A job that is or could be an invoice (or an invoice made in Stripe), with its state and why. */
export const invoiceListEntrySchema = z.object({
  jobUuid: z.string().nullable(),
  jobNumber: z.string().nullable(),
  client: z.string().nullable(),
  state: invoiceListStateSchema,
  reason: z.string().nullable(),
  stripeInvoiceId: z.string().nullable(),
  stripeStatus: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).nullable(),
  servicem8TotalCents: z.number().int().nullable(),
  stripeTotalCents: z.number().int().nullable(),
  servicem8GstCents: z.number().int().nullable(),
  stripeGstCents: z.number().int().nullable(),
});

export const INVOICE_ACTIONS = ['send_now', 'retry', 'skip', 'unskip'] as const;
export const invoiceActionSchema = z.enum(INVOICE_ACTIONS);

/** The Invoices screen's row: the list entry, where to open it and what a person can do about it now. */
export const invoiceViewSchema = invoiceListEntrySchema.extend({
  /** The job in the ServiceM8 web app and the invoice in the Stripe Dashboard (https, those two hosts only). */
  servicem8Url: z.string().url().nullable(),
  stripeUrl: z.string().url().nullable(),
  actions: z.array(invoiceActionSchema),
  /** The refused write "Retry" sends again (a failures id). */
  failureId: z.number().int().nullable(),
});

/** What an Invoices-screen choice did, per job uuid. */
export const jobOutcomeSchema = z.object({
  resolved: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), reason: z.string() })),
});

/** Sign in with ServiceM8 (OAuth): where it stands, in words. Tokens never leave main. */
export const servicem8SignInSchema = z.object({
  state: z.enum(['unavailable', 'idle', 'waiting', 'connected', 'failed']),
  message: z.string().nullable(),
});

/** Every call: name → params and result schemas. */
export const API = {
  getStatus: { params: z.object({}), result: statusSchema },
  syncNow: { params: z.object({ dryRun: z.boolean().default(false) }), result: syncResultSchema },
  setPaused: { params: z.object({ paused: z.boolean() }), result: statusSchema },
  listConflicts: { params: z.object({ includeClosed: z.boolean().default(false) }), result: z.array(conflictViewSchema) },
  resolveConflicts: {
    params: z
      .object({
        ids: z.array(z.number().int().positive()).min(1).max(500),
        /** The common two-sided answer; each kind of question maps it to one of its actions. */
        take: side.optional(),
        action: z.string().min(1).max(64).optional(),
        /** For an action that links to a candidate: the candidate's id. */
        candidate: z.string().min(1).max(200).optional(),
      })
      .refine((p) => (p.take === undefined) !== (p.action === undefined), { message: 'choose either take or action', path: ['action'] }),
    result: idOutcomeSchema,
  },
  listFailures: { params: z.object({}), result: z.array(failureViewSchema) },
  retryFailures: { params: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }), result: idOutcomeSchema },
  dismissFailures: { params: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }), result: idOutcomeSchema },
  listPayments: {
    params: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11')
        .optional(),
    }),
    result: z.array(paymentRowSchema),
  },
  listActivity: {
    params: z.object({
      since: isoInstant.optional(),
      entity: z.string().optional(),
      outcome: z.enum(['success', 'failed', 'skipped']).optional(),
      /** Names, messages and ids containing this text (case-insensitive). */
      search: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(5000).default(200),
    }),
    result: z.array(activityEntrySchema),
  },
  exportActivityCsv: { params: z.object({ since: isoInstant.optional() }), result: z.object({ filename: z.string(), csv: z.string() }) },
  listQuarantine: { params: z.object({}), result: z.array(quarantineEntrySchema) },
  getConnections: { params: z.object({}), result: z.array(connectionSchema) },
  connectServiceM8: { params: z.object({ apiKey: z.string().trim().min(8).max(200) }), result: connectionTestSchema },
  connectStripe: {
    params: z.object({
      apiKey: z
        .string()
        .trim()
        .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)'),
    }),
    result: connectionTestSchema,
  },
  testConnections: { params: z.object({}), result: z.array(connectionTestSchema) },
  /** Starts Sign in with ServiceM8: the authorize page to open in the browser (go.servicem8.com, or the simulator). */
  beginServiceM8SignIn: { params: z.object({}), result: z.object({ url: z.string().url() }) },
  getServiceM8SignIn: { params: z.object({}), result: servicem8SignInSchema },
  cancelServiceM8SignIn: { params: z.object({}), result: servicem8SignInSchema },
  disconnect: { params: z.object({ service: side }), result: z.array(connectionSchema) },
  listInvoices: { params: z.object({ state: invoiceListStateSchema.optional() }), result: z.array(invoiceListEntrySchema) },
  listInvoiceView: { params: z.object({ state: invoiceListStateSchema.optional() }), result: z.array(invoiceViewSchema) },
  /** Skip a job (never billed in Stripe), undo that, or send it now despite the trigger; Retry is retryFailures. */
  chooseInvoices: {
    params: z.object({ jobUuids: z.array(z.string().min(1).max(200)).min(1).max(500), action: z.enum(['send_now', 'skip', 'unskip']) }),
    result: jobOutcomeSchema,
  },
  getSettings: { params: z.object({}), result: settingsSchema },
  previewSettings: { params: settingsSchema, result: settingsPreviewSchema },
  getActivityChart: { params: z.object({ days: z.number().int().min(1).max(90).default(30) }), result: z.array(activityDaySchema) },
  updateSettings: { params: settingsSchema, result: settingsSchema },
  ...REPORT_API,
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];

/** A name of the contract's calls (and nothing inherited, such as "__proto__"). */
export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(API, method);
}

/** The largest params any transport accepts: the biggest real call (settings, a bulk resolve) is a few KB. */
export const MAX_PARAMS_BYTES = 256 * 1024;
export type ApiParams<M extends ApiMethod> = z.input<(typeof API)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.infer<(typeof API)[M]['result']>;

/** Calls never throw across a boundary: they answer with a result object. */
export type ApiError = { code: 'invalid_params' | 'not_found' | 'not_connected' | 'busy' | 'failed' | 'forbidden'; message: string };
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events pushed from main to the UI. */
export const EVENTS = {
  status: statusSchema,
  activity: z.array(activityEntrySchema),
  conflictsChanged: z.object({ open: z.number().int() }),
  reconciliation: reconciliationEventSchema,
} as const;
export type AppEventName = keyof typeof EVENTS;
export type AppEvent<E extends AppEventName> = z.infer<(typeof EVENTS)[E]>;

/** What the renderer's one client offers, whatever the transport (IPC or HTTP). */
export interface AppApiClient {
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResponse<ApiResult<M>>>;
  on<E extends AppEventName>(event: E, listener: (payload: AppEvent<E>) => void): () => void;
}

export type Status = z.infer<typeof statusSchema>;
export type SyncResult = z.infer<typeof syncResultSchema>;
export type ConflictView = z.infer<typeof conflictViewSchema>;
export type FailureView = z.infer<typeof failureViewSchema>;
export type PaymentRow = z.infer<typeof paymentRowSchema>;
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export type ActivityDay = z.infer<typeof activityDaySchema>;
export type SettingsPreview = z.infer<typeof settingsPreviewSchema>;
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type InvoiceListEntry = z.infer<typeof invoiceListEntrySchema>;
/** The rows the Invoices screen shows (the same as `sm8sync invoices --json`). */
export type InvoiceRow = InvoiceListEntry;
export const INVOICE_STATES = INVOICE_LIST_STATES;
export type InvoiceListState = z.infer<typeof invoiceListStateSchema>;
export type InvoiceView = z.infer<typeof invoiceViewSchema>;
export type InvoiceAction = z.infer<typeof invoiceActionSchema>;
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
export type ServiceM8SignIn = z.infer<typeof servicem8SignInSchema>;
