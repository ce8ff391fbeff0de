// GET /v1/events and /v1/events/{id}: newest first, only the last 30 days, filters
// `type` (with `*` wildcards such as `invoice.*`) or `types[]` (≤20), `created`.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import { LIST_PARAMS, createdFilter, paginateCollection } from '../list';
import type { EventObject } from '../objects/event';
import { allowOnly, str, stringList } from '../params';
import type { WireObject } from '../store';

const RETENTION_SECONDS = 30 * 24 * 60 * 60;

function typeMatcher(ctx: SimContext): (type: string) => boolean {
  const single = str(ctx.params, 'type');
  const many = stringList(ctx.params, 'types');
  if (single !== undefined && many !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: type, types.', 'types');
  if (many !== undefined && many.length > 20) throw SimError.invalid('You can pass at most 20 types.', 'types');
  const patterns = single !== undefined ? [single] : (many ?? []);
  if (patterns.length === 0) return () => true;
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return (type) => regexes.some((r) => r.test(type));
}

function visible(ctx: SimContext, event: EventObject): boolean {
  return event.created >= ctx.now() - RETENTION_SECONDS;
}

function listEvents(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'type', 'types', 'created', 'delivery_success']);
  const matches = typeMatcher(ctx);
  const inCreated = createdFilter(params);
  const accept = (e: WireObject) =>
    visible(ctx, e as EventObject) && matches((e as EventObject).type) && inCreated((e as EventObject).created);
  const keyOf = (id: string) => {
    const event = store.events.get(id) as EventObject | undefined;
    return event && visible(ctx, event) ? store.events.sortKey(id) : undefined;
  };
  // Walked from the cursor: a change feed reading 100 at a time costs each page, not every event kept.
  const page = paginateCollection(store.events, accept, params, '/v1/events', keyOf, 'event');
  return { body: { ...page, data: page.data.map((e) => structuredClone(e)) } };
}

function retrieve(ctx: SimContext): { body: Json } {
  const event = ctx.store.events.require(ctx.path.id ?? '') as EventObject;
  if (!visible(ctx, event)) throw SimError.missing('event', event.id);
  return { body: structuredClone(event) };
}

export const eventRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/events', handler: listEvents },
  { method: 'GET', pattern: '/v1/events/:id', handler: retrieve },
];
