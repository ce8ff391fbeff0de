// Walks every page of a list: cursor=-1 first, then each x-next-cursor until there is
// none (reference §5). A repeated cursor or an empty page also ends the walk, so a
// misbehaving server can never loop us forever; a page cap is the last guard.
import { ServiceM8ApiError } from './errors';
import type { ServiceM8Http } from './http-client';

export const MAX_PAGES = 10_000;

export interface PagedResult {
  rows: unknown[];
  pages: number;
}

export async function fetchAllPages(
  http: ServiceM8Http,
  object: string,
  filter: string | undefined,
  signal?: AbortSignal,
): Promise<PagedResult> {
  const rows: unknown[] = [];
  const seenCursors = new Set<string>();
  let cursor = '-1';
  for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
    const query: Record<string, string> = { cursor };
    if (filter) query.$filter = filter;
    const result = await http.request({ method: 'GET', path: `/${object}.json`, query, signal });
    if (!Array.isArray(result.body)) throw new ServiceM8ApiError('protocol', `ServiceM8 GET /${object}.json did not answer with a list`);
    rows.push(...(result.body as unknown[]));
    const next = result.headers.get('x-next-cursor');
    if (!next || result.body.length === 0 || seenCursors.has(next)) return { rows, pages };
    seenCursors.add(next);
    cursor = next;
  }
  throw new ServiceM8ApiError('protocol', `ServiceM8 GET /${object}.json kept paging past ${MAX_PAGES} pages`);
}
