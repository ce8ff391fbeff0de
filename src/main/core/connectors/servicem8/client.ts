// The ServiceM8 connector the sync engine uses: typed reads (full and incremental),
// idempotent creates, updates and soft deletes, all through one rate budget, retry
// policy and AbortSignal. See README.md in this folder for the public API.
import { randomUUID } from 'node:crypto';
import type { SlidingWindowLimiter } from '../../util/sliding-window-limiter';
import type { ServiceM8Auth } from './auth';
import { DEFAULT_CURSOR_SETTINGS, advanceCursor, lowerBound, seenKey, type ChangeCursor, type CursorSettings } from './change-cursor';
import { ServiceM8ApiError } from './errors';
import { buildFilter, matchesFilter, type FilterCondition } from './filter';
import { ServiceM8Http, type RetryOptions } from './http-client';
import { toLocalNaive } from './local-time';
import { fetchAllPages } from './pager';
import { NOW, type ReadPace } from './read-pace';
import { createServiceM8Limiter, type ServiceM8Limits } from './rate-budget';
import { parseRows, parseRowsInSlices, describeIssues, type ReadResult } from './read-result';
import { buildSchemas, type ServiceM8Object, type ServiceM8Record, type ServiceM8Schemas } from './records';
import { vendorSchema, type Sm8Vendor } from './vendor';
import type { WireFields } from './wire-encode';

export const DEFAULT_BASE_URL = 'https://api.servicem8.com';

export interface ServiceM8ClientOptions {
  /** API host without /api_1.0 (the CLI passes SERVICEM8_BASE_URL). */
  baseUrl?: string;
  auth: ServiceM8Auth;
  /** Share one limiter per account between clients; otherwise one is made from `limits`. */
  limiter?: SlidingWindowLimiter;
  limits?: ServiceM8Limits;
  retry?: RetryOptions;
  timeoutMs?: number;
  /** Minimum wait after a 429 without Retry-After (default 5 s). */
  rateLimitedDelayMs?: number;
  /** The account's IANA zone; read from the vendor record when not given. */
  timeZone?: string;
  cursor?: Partial<CursorSettings>;
  now?: () => Date;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** How a long read shares the thread (read-pace.ts); by default it only hands it back between slices. */
  pace?: ReadPace;
}

export interface ChangesResult<T> extends ReadResult<T> {
  cursor: ChangeCursor;
  pages: number;
}

export class ServiceM8Client {
  private readonly http: ServiceM8Http;
  private readonly cursorSettings: CursorSettings;
  private readonly now: () => Date;
  private zone: string | undefined;
  private schemas: ServiceM8Schemas | undefined;

  constructor(options: ServiceM8ClientOptions) {
    this.http = new ServiceM8Http({
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      auth: options.auth,
      limiter: options.limiter ?? createServiceM8Limiter(options.limits),
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      rateLimitedDelayMs: options.rateLimitedDelayMs,
    });
    this.zone = options.timeZone;
    this.cursorSettings = { ...DEFAULT_CURSOR_SETTINGS, ...options.cursor };
    this.now = options.now ?? (() => new Date());
  }

  /** The account record (time zone, currency). */
  async getVendor(options: CallOptions = {}): Promise<Sm8Vendor> {
    const { rows } = await fetchAllPages(this.http, 'vendor', undefined, options.signal);
    const parsed = vendorSchema.safeParse(rows[0]);
    if (!parsed.success) throw new ServiceM8ApiError('protocol', `ServiceM8 vendor record is unreadable: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  async timeZone(options: CallOptions = {}): Promise<string> {
    this.zone ??= (await this.getVendor(options)).timeZone;
    return this.zone;
  }

  /** Every record of an object (inactive ones included), optionally filtered. */
  async list<O extends ServiceM8Object>(
    object: O,
    options: CallOptions & { filter?: FilterCondition[] } = {},
  ): Promise<ReadResult<ServiceM8Record<O>>> {
    const schemas = await this.schemasFor(options);
    const conditions = options.filter ?? [];
    const { rows } = await fetchAllPages(this.http, object, conditions.length > 0 ? buildFilter(conditions) : undefined, options.signal);
    return parseRows(
      schemas,
      object,
      rows.filter((row) => isObject(row) && matchesFilter(row, conditions)),
    );
  }

  async get<O extends ServiceM8Object>(object: O, uuid: string, options: CallOptions = {}): Promise<ReadResult<ServiceM8Record<O>>> {
    const schemas = await this.schemasFor(options);
    const { body } = await this.http.request({
      method: 'GET',
      path: `/${object}/${encodeURIComponent(uuid)}.json`,
      signal: options.signal,
    });
    return parseRows(schemas, object, [body]);
  }

  /** Records changed since the cursor (null = all), de-duplicated against what the cursor already delivered. */
  async listChangedSince<O extends ServiceM8Object>(
    object: O,
    cursor: ChangeCursor | null,
    options: CallOptions = {},
  ): Promise<ChangesResult<ServiceM8Record<O>>> {
    const schemas = await this.schemasFor(options);
    const zone = await this.timeZone(options);
    const walkStart = toLocalNaive(this.now(), zone);
    const from = lowerBound(cursor, this.cursorSettings, { zone, now: this.now() });
    const conditions: FilterCondition[] = from === null ? [] : [{ field: 'edit_date', op: 'gt', value: from }];
    const { rows, pages } = await fetchAllPages(
      this.http,
      object,
      conditions.length > 0 ? buildFilter(conditions) : undefined,
      options.signal,
    );
    const seen = new Set(cursor?.seen ?? []);
    const latest = new Map<string, { row: Record<string, unknown>; key: string }>();
    const unkeyed: unknown[] = [];
    let newest: string | null = null;
    const pace = options.pace ?? NOW;
    let sliceBegan = performance.now();
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % 1000 === 0) {
        await pace.between(performance.now() - sliceBegan); // as parseRowsInSlices does
        sliceBegan = performance.now();
      }
      if (!isObject(row) || typeof row.uuid !== 'string' || typeof row.edit_date !== 'string') {
        unkeyed.push(row); // still parsed below, so it is reported rather than lost
        continue;
      }
      if (!matchesFilter(row, conditions)) continue;
      // Each row is keyed once: the key both skips rows the last read delivered and is what this read delivers.
      const key = seenKey({ ...row, uuid: row.uuid, edit_date: row.edit_date });
      if (seen.has(key)) continue;
      const previous = latest.get(row.uuid);
      if (!previous || String(previous.row.edit_date) <= row.edit_date) latest.set(row.uuid, { row, key }); // a later page's copy is the fresher one
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row.edit_date) && (newest === null || row.edit_date > newest))
        newest = row.edit_date;
    }
    const kept = [...latest.values()];
    const result = await parseRowsInSlices(schemas, object, [...kept.map((k) => k.row), ...unkeyed], pace);
    const delivered = kept.map((k) => k.key);
    return { ...result, pages, cursor: advanceCursor(cursor, walkStart, newest, delivered, this.cursorSettings, { zone }) };
  }

  /**
   * Creates a record with a client-generated uuid (or the one given), so a retry after a
   * lost response re-sends the same uuid instead of making a duplicate (assumption C1:
   * the API updates on a repeated uuid). Returns the uuid.
   */
  async create(object: ServiceM8Object, fields: WireFields, options: CallOptions & { uuid?: string } = {}): Promise<string> {
    const uuid = options.uuid ?? randomUUID();
    const result = await this.http.request({ method: 'POST', path: `/${object}.json`, body: { ...fields, uuid }, signal: options.signal });
    const echoed = result.headers.get('x-record-uuid');
    if (echoed && echoed.toLowerCase() !== uuid.toLowerCase())
      throw new ServiceM8ApiError('protocol', `ServiceM8 created ${object} ${echoed} instead of ${uuid}`);
    return uuid;
  }

  /** Sends only the fields that change (POST to the record, reference §1). */
  async update(object: ServiceM8Object, uuid: string, fields: WireFields, options: CallOptions = {}): Promise<void> {
    await this.http.request({ method: 'POST', path: `/${object}/${encodeURIComponent(uuid)}.json`, body: fields, signal: options.signal });
  }

  /** Soft delete: the record stays readable with active = 0. */
  async remove(object: ServiceM8Object, uuid: string, options: CallOptions = {}): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `/${object}/${encodeURIComponent(uuid)}.json`, signal: options.signal });
  }

  restore(object: ServiceM8Object, uuid: string, options: CallOptions = {}): Promise<void> {
    return this.update(object, uuid, { active: 1 }, options);
  }

  private async schemasFor(options: CallOptions): Promise<ServiceM8Schemas> {
    this.schemas ??= buildSchemas(await this.timeZone(options));
    return this.schemas;
  }
}

function isObject(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}
