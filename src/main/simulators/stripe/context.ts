// What a route handler gets: the store, the clock, the parsed params and the
// identity of the request (its Request-Id and idempotency key, which events record).
import type { FormObject } from './form-body';
import type { SimStore, WireObject } from './store';

export type Json = Record<string, unknown>;

export interface PendingEvent {
  type: string;
  object: WireObject;
  previous?: Json;
}

export interface SimContext {
  readonly store: SimStore;
  readonly params: FormObject;
  readonly path: Record<string, string>;
  readonly requestId: string;
  readonly idempotencyKey: string | null;
  /** Current time in Unix seconds (the simulator's clock). */
  now(): number;
  /** Queues an event; events are written only if the request succeeds. */
  emit(type: string, object: WireObject, previous?: Json): void;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export type RouteHandler = (ctx: SimContext) => RouteResult;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: string;
  handler: RouteHandler;
}

/** Snapshot of the top-level values an update changed: Stripe's `previous_attributes`. */
export function changedAttributes(before: Json, after: Json): Json | undefined {
  const previous: Json = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  return Object.keys(previous).length > 0 ? previous : undefined;
}
