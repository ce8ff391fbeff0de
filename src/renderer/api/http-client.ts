// The api client in a browser (`sm8sync serve`): POST /api/<method> with the token in a
// header, and one EventSource for events. EventSource cannot send headers, so the
// event stream alone takes the token as a query parameter (loopback only; see the
// server's request-guard.ts).
import type { AppApiClient, AppEventName } from '../../shared/api';
import { checkEvent, checkResponse, transportError } from './check-response';

type Listener = (payload: unknown) => void;

export function createHttpClient(token: string, base = ''): AppApiClient {
  const listeners = new Map<AppEventName, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureSource(event: AppEventName): void {
    if (!source) source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  return {
    async call(method, params) {
      try {
        const response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(params ?? {}),
        });
        if (response.status === 401)
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: 'This page’s access token is not valid any more. Open the address `sm8sync serve` printed.',
            },
          };
        return checkResponse(method, await response.json());
      } catch (error) {
        return transportError(`Could not reach sm8sync: ${(error as Error).message}`);
      }
    },
    on(event, listener) {
      ensureSource(event);
      const wrapped: Listener = (payload) => {
        const checked = checkEvent(event, payload);
        if (checked) listener(checked);
      };
      listeners.get(event)?.add(wrapped);
      return () => listeners.get(event)?.delete(wrapped);
    },
  };
}
