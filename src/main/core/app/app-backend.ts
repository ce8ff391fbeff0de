// What the transports (Electron IPC, the loopback server) talk to: one invoke() that
// validates params against src/shared/api.ts and never throws, and one event stream.
import {
  API,
  isApiMethod,
  type ApiError,
  type ApiMethod,
  type ApiParams,
  type ApiResponse,
  type ApiResult,
  type AppEvent,
  type AppEventName,
} from '../../../shared/api';
import type { z } from 'zod';
import { redactText } from '../logging/redact';
import { createLogger } from '../logging/logger';

const log = createLogger('app/backend');

/** Handlers receive params already validated (defaults applied). */
export type ApiHandlers = { [M in ApiMethod]: (params: z.output<(typeof API)[M]['params']>) => Promise<ApiResult<M>> };

export type EventListener = <E extends AppEventName>(event: E, payload: AppEvent<E>) => void;

export interface AppBackend {
  invoke(method: string, params: unknown): Promise<ApiResponse<unknown>>;
  subscribe(listener: EventListener): () => void;
}

/** An error a handler throws on purpose, with the code the caller should see. */
export class AppError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends AppEventName>(event: E, payload: AppEvent<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log.warn({ err: error, event }, 'event listener failed');
      }
    }
  }
}

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');

/** Checks a call against the contract: a known method and params its schema accepts (defaults applied). */
export function parseParams(
  method: string,
  rawParams: unknown,
): { ok: true; method: ApiMethod; params: unknown } | { ok: false; error: ApiError } {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'not_found', message: `unknown method "${method}"` } };
  const parsed = API[method].params.safeParse(rawParams ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_params', message: issues(parsed.error) } };
  return { ok: true, method, params: parsed.data };
}

/** Checks an answer against the contract's result schema, for a caller that did not produce it (the worker relay). */
export function parseResult(method: ApiMethod, response: ApiResponse<unknown>): ApiResponse<unknown> {
  if (!response.ok) return response;
  const parsed = API[method].result.safeParse(response.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  log.error({ method, issues: issues(parsed.error) }, 'an answer did not match the contract');
  return { ok: false, error: { code: 'failed', message: `the answer to ${method} did not match the contract: ${issues(parsed.error)}` } };
}

/** Wraps typed handlers into a validating, non-throwing backend. */
export function createBackend(handlers: ApiHandlers, events: EventHub): AppBackend {
  return {
    subscribe: (listener) => events.subscribe(listener),
    async invoke(method, rawParams) {
      const parsed = parseParams(method, rawParams);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[parsed.method] as (params: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.params) };
      } catch (error) {
        const message = redactText(error instanceof Error ? error.message : String(error));
        if (error instanceof AppError) return { ok: false, error: { code: error.code, message } };
        log.error({ err: error, method }, 'call failed');
        return { ok: false, error: { code: 'failed', message } };
      }
    },
  };
}

/** Typed convenience for in-process callers (CLI): unwraps or throws. */
export async function call<M extends ApiMethod>(backend: AppBackend, method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
  const response = await backend.invoke(method, params);
  if (!response.ok) throw new AppError(response.error.code, response.error.message);
  return response.value as ApiResult<M>;
}
