// /api_1.0/<object>.json and /api_1.0/<object>/<uuid>.json: list, get, create, update,
// soft delete. No PUT or PATCH (reference §1).
import { matchesFilter, parseFilter, type FilterBehaviour } from './filter';
import { objectForPath, type ObjectDef } from './objects';
import { ApiError } from './responses';
import type { SimulatorStore, WireRecord } from './store';
import { createRecord, softDelete, updateRecord, type WriteContext } from './write-rules';

export interface Route {
  def: ObjectDef;
  uuid?: string;
}

const ROUTE = /^\/api_1\.0\/([a-z]+)(?:\/([0-9A-Za-z-]+))?\.json$/;

export function parseRoute(pathname: string): Route {
  const match = ROUTE.exec(pathname);
  const def = match ? objectForPath(match[1] ?? '', match[2] !== undefined) : undefined;
  if (!match || !def) throw new ApiError(404, `Unknown resource ${pathname}`);
  return match[2] === undefined ? { def } : { def, uuid: match[2].toLowerCase() };
}

/** The scope an OAuth token needs for this request (reference §2 table). */
export function requiredScope(route: Route, method: string): string {
  if (method === 'GET') return route.def.readScope;
  if (method === 'POST' && route.uuid === undefined) return route.def.createScope ?? route.def.writeScope;
  return route.def.writeScope;
}

export interface ListOptions {
  pageSize: number;
  filter: FilterBehaviour;
}

export function listRecords(
  store: SimulatorStore,
  route: Route,
  query: URLSearchParams,
  options: ListOptions,
): { records: WireRecord[]; nextCursor?: string } {
  const filterText = query.get('$filter');
  const conditions = filterText === null || filterText.trim() === '' ? [] : parseFilter(filterText, route.def);
  const all = store.list(route.def.name);
  const cursor = query.get('cursor');
  let start = 0;
  if (cursor !== null && cursor !== '-1') {
    // Assumption A8: the cursor is the uuid of the last record of the previous page.
    const index = all.findIndex((record) => record.uuid === cursor.toLowerCase());
    if (index < 0) throw new ApiError(400, 'Invalid cursor');
    start = index + 1;
  }
  const records: WireRecord[] = [];
  for (let i = start; i < all.length; i += 1) {
    const record = all[i]!;
    if (!matchesFilter(record, conditions, options.filter)) continue;
    if (records.length === options.pageSize) {
      // Assumption A8: without a cursor parameter only the first page comes back, with no next-cursor header (T3).
      return cursor === null ? { records } : { records, nextCursor: String(records[records.length - 1]!.uuid) };
    }
    records.push(record);
  }
  return { records };
}

export interface Reply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  wrote: boolean;
}

const OK = { errorCode: 0, message: 'OK' };

/** Runs one REST request against the store; the caller sends (or, for fault injection, drops) the reply. */
export function handleRest(
  context: WriteContext,
  route: Route,
  method: string,
  query: URLSearchParams,
  body: unknown,
  options: ListOptions,
): Reply {
  const { def, uuid } = route;
  if (method === 'GET') {
    if (uuid !== undefined) {
      const record = context.store.get(def.name, uuid);
      if (!record) throw new ApiError(404, `${def.name} ${uuid} not found`);
      return { status: 200, body: record, headers: {}, wrote: false };
    }
    const page = listRecords(context.store, route, query, options);
    return { status: 200, body: page.records, headers: page.nextCursor ? { 'x-next-cursor': page.nextCursor } : {}, wrote: false };
  }
  if (method !== 'POST' && method !== 'DELETE') throw new ApiError(405, `Method ${method} not allowed`);
  // Assumption A9: writes to GET-only objects answer 400 (the reference lists no 405).
  if (def.readOnly) throw new ApiError(400, `${def.name} is read-only`);
  if (method === 'DELETE') {
    if (uuid === undefined) throw new ApiError(405, 'DELETE needs a record uuid');
    softDelete(context, def, uuid);
    return { status: 200, body: OK, headers: {}, wrote: true };
  }
  if (uuid === undefined) {
    const created = createRecord(context, def, body);
    return { status: 200, body: OK, headers: { 'x-record-uuid': created.uuid }, wrote: true };
  }
  updateRecord(context, def, uuid, body);
  return { status: 200, body: OK, headers: {}, wrote: true };
}
