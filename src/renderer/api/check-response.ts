// The renderer validates what it gets back with the same zod schemas main used, so a
// mismatched main process shows as a clear error instead of a broken screen.
import { API, EVENTS, type ApiMethod, type ApiResponse, type ApiResult, type AppEvent, type AppEventName } from '../../shared/api';

export function checkResponse<M extends ApiMethod>(method: M, response: unknown): ApiResponse<ApiResult<M>> {
  if (!response || typeof response !== 'object' || !('ok' in response))
    return { ok: false, error: { code: 'failed', message: 'The app answered with something unexpected.' } };
  const typed = response as ApiResponse<unknown>;
  if (!typed.ok) return typed;
  const parsed = API[method].result.safeParse(typed.value);
  if (!parsed.success)
    return { ok: false, error: { code: 'failed', message: `The app's answer to ${method} did not match the contract.` } };
  return { ok: true, value: parsed.data as ApiResult<M> };
}

export function checkEvent<E extends AppEventName>(event: E, payload: unknown): AppEvent<E> | null {
  const parsed = EVENTS[event].safeParse(payload);
  return parsed.success ? (parsed.data as AppEvent<E>) : null;
}

export const transportError = (message: string): ApiResponse<never> => ({ ok: false, error: { code: 'failed', message } });
