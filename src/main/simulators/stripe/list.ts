// Stripe list semantics (reference §4, §12.6): newest first, `limit` 1–100 (default
// 10), `starting_after` = the page older than the cursor, `ending_before` = the page
// closest to and newer than the cursor (still newest first), exact `has_more`.
import { SimError } from './errors';
import type { FormObject } from './form-body';
import { int, obj, str } from './params';
import type { Collection, SortKey, WireObject } from './store';

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

/** The page size and cursor of a list request, refused as Stripe refuses them. */
function pageParams(params: FormObject): { limit: number; after: string | undefined; before: string | undefined } {
  const limit = int(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw SimError.invalid('Invalid limit: must be between 1 and 100.', 'limit');
  const after = str(params, 'starting_after');
  const before = str(params, 'ending_before');
  if (after && before)
    throw SimError.invalid('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before');
  return { limit, after, before };
}

/** `items` must be in list order; `keyOf` gives each item's position key (descending). */
export function paginate<T extends WireObject>(
  items: T[],
  params: FormObject,
  url: string,
  keyOf: (id: string) => SortKey | undefined,
  kind: string,
): ListPage<T> {
  const { limit, after, before } = pageParams(params);
  if (after) {
    const cursor = requireKey(keyOf, after, 'starting_after', kind);
    const older = items.filter((item) => compare(keyOf(item.id), cursor) < 0);
    return page(older.slice(0, limit), older.length > limit, url);
  }
  if (before) {
    const cursor = requireKey(keyOf, before, 'ending_before', kind);
    const newer = items.filter((item) => compare(keyOf(item.id), cursor) > 0);
    return page(newer.slice(Math.max(0, newer.length - limit)), newer.length > limit, url);
  }
  return page(items.slice(0, limit), items.length > limit, url);
}

/**
 * `paginate` over a whole collection filtered by `accept`, without building the
 * filtered list: it walks from the cursor and stops at `limit + 1` matches. Same
 * pages, same errors (`keyOf` undefined = no such object).
 */
export function paginateCollection<T extends WireObject>(
  collection: Collection<T>,
  accept: (item: T) => boolean,
  params: FormObject,
  url: string,
  keyOf: (id: string) => SortKey | undefined,
  kind: string,
): ListPage<T> {
  const { limit, after, before } = pageParams(params);
  const take = (walk: Iterable<T>): T[] => {
    const found: T[] = [];
    for (const item of walk) {
      if (!accept(item)) continue;
      found.push(item);
      if (found.length > limit) break;
    }
    return found;
  };
  if (before) {
    // The `limit` closest to the cursor on its newer side, listed newest first.
    const newer = take(collection.walk('newer', requireKey(keyOf, before, 'ending_before', kind)));
    return page(newer.slice(0, limit).reverse(), newer.length > limit, url);
  }
  const older = take(collection.walk('older', after ? requireKey(keyOf, after, 'starting_after', kind) : null));
  return page(older.slice(0, limit), older.length > limit, url);
}

function page<T>(data: T[], hasMore: boolean, url: string): ListPage<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

function requireKey(keyOf: (id: string) => SortKey | undefined, id: string, param: string, kind: string): SortKey {
  const key = keyOf(id);
  if (!key) throw SimError.invalid(`No such ${kind}: '${id}'`, param, 'resource_missing');
  return key;
}

function compare(a: SortKey | undefined, b: SortKey): number {
  if (!a) return 0;
  return a[0] - b[0] || a[1] - b[1];
}

/** Applies a `created` filter: `created=<ts>` or `created[gt|gte|lt|lte]=<ts>`. */
export function createdFilter(params: FormObject, key = 'created'): (created: number) => boolean {
  const raw = params[key];
  if (raw === undefined) return () => true;
  if (typeof raw === 'string') {
    const exact = int(params, key);
    return (created) => exact === undefined || created === exact;
  }
  const range = obj(params, key) ?? {};
  const bounds: Record<string, number | undefined> = {};
  for (const op of Object.keys(range)) {
    if (!['gt', 'gte', 'lt', 'lte'].includes(op)) throw SimError.unknownParam(`${key}[${op}]`);
    bounds[op] = int(range, op);
  }
  return (created) =>
    (bounds.gt === undefined || created > bounds.gt) &&
    (bounds.gte === undefined || created >= bounds.gte) &&
    (bounds.lt === undefined || created < bounds.lt) &&
    (bounds.lte === undefined || created <= bounds.lte);
}
