// A fake AppApiClient for component tests: canned answers per method, a record of calls,
// and emit() to push events as main would.
import type { ApiMethod, ApiParams, ApiResponse, ApiResult, AppApiClient, AppEvent, AppEventName, Status } from '../../src/shared/api';

type Handler<M extends ApiMethod> = (params: ApiParams<M>) => ApiResponse<ApiResult<M>> | Promise<ApiResponse<ApiResult<M>>>;

export class FakeApiClient implements AppApiClient {
  calls: { method: ApiMethod; params: unknown }[] = [];
  private handlers = new Map<ApiMethod, Handler<ApiMethod>>();
  private listeners = new Map<AppEventName, Set<(payload: unknown) => void>>();

  handle<M extends ApiMethod>(method: M, handler: Handler<M> | ApiResult<M>): this {
    const fn = typeof handler === 'function' ? handler : () => ({ ok: true as const, value: handler });
    this.handlers.set(method, fn);
    return this;
  }

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResponse<ApiResult<M>>> {
    this.calls.push({ method, params });
    const handler = this.handlers.get(method);
    if (!handler) return { ok: false, error: { code: 'failed', message: `no fake for ${method}` } };
    return (await handler(params)) as never;
  }

  on<E extends AppEventName>(event: E, listener: (payload: AppEvent<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  emit<E extends AppEventName>(event: E, payload: AppEvent<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  callsOf(method: ApiMethod): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }
}

export function makeStatus(overrides: Partial<Status> = {}): Status {
  return {
    state: 'in_sync',
    headline: 'In sync',
    lastSyncAt: '2026-11-24T03:00:00.000Z',
    lastGoodSyncAt: '2026-11-24T03:00:00.000Z',
    nextSyncAt: '2026-11-24T03:05:00.000Z',
    businessTimeZone: 'Australia/Sydney',
    paused: false,
    counts: {
      linked: [{ entity: 'client', label: 'Clients', count: 12 }],
      pendingWrites: 0,
      openConflicts: 0,
      quarantined: 0,
      needsAttention: 0,
    },
    running: null,
    lastError: null,
    rateBudget: { servicem8: { usedLastMinute: 4, perMinute: 180, usedToday: 1200, perDay: 20_000 } },
    ...overrides,
  };
}
