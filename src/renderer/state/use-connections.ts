// Connect screen state: what each service is connected with (never the key itself),
// Test & save per service, and disconnect. The typed key lives only in the form field
// and this hook's call; it is cleared once saved.
import { useCallback, useEffect, useState } from 'react';
import type { Connection } from '../../shared/api';
import { useApi } from './api-context';
import { keyRefusal } from './key-check';
import { failure, ok, type Notice } from './notice';

/** Where a saved key lives, in the same words everywhere on Connect. */
export const SOURCE_WORDS: Record<NonNullable<Connection['source']>, string> = {
  keychain: "saved in this computer's keychain",
  environment: 'read from an environment variable',
  memory: 'kept in memory until sm8sync stops (no keychain on this computer)',
};

export type Service = Connection['service'];

export interface ConnectionsState {
  connections: Connection[] | null;
  loadError: string | null;
  busy: Service | null;
  notices: Partial<Record<Service, Notice>>;
  /** Resolves true when the key was accepted and saved. */
  connect: (service: Service, key: string) => Promise<boolean>;
  disconnect: (service: Service) => Promise<void>;
  /** Reads the connections again (after Sign in with ServiceM8 finished in the browser). */
  refresh: () => Promise<void>;
}

export function useConnections(): ConnectionsState {
  const client = useApi();
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Service | null>(null);
  const [notices, setNotices] = useState<Partial<Record<Service, Notice>>>({});

  const reload = useCallback(
    () =>
      client.call('getConnections', {}).then((response) => {
        if (!response.ok) return setLoadError(response.error.message);
        setLoadError(null);
        setConnections(response.value);
      }),
    [client],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const note = (service: Service, notice: Notice) => setNotices((current) => ({ ...current, [service]: notice }));

  const connect = useCallback(
    async (service: Service, key: string) => {
      setBusy(service);
      const response =
        service === 'servicem8'
          ? await client.call('connectServiceM8', { apiKey: key })
          : await client.call('connectStripe', { apiKey: key });
      let saved = false;
      if (!response.ok)
        note(service, failure(response.error.code === 'invalid_params' ? keyRefusal(service, key) : response.error.message));
      else if (!response.value.ok) note(service, failure(response.value.message));
      else saved = true;
      const fresh = await client.call('getConnections', {});
      if (fresh.ok) setConnections(fresh.value);
      if (saved && response.ok) {
        const source = fresh.ok ? fresh.value.find((c) => c.service === service)?.source : null;
        const account = response.value.account ? ` to ${response.value.account}` : '';
        note(service, ok(`Connected${account}. The key is ${source ? SOURCE_WORDS[source] : 'saved'}.`));
      }
      setBusy(null);
      return saved;
    },
    [client],
  );

  const disconnect = useCallback(
    async (service: Service) => {
      setBusy(service);
      const response = await client.call('disconnect', { service });
      if (response.ok) {
        setConnections(response.value);
        note(service, ok('Disconnected. The key was removed from this computer.'));
      } else note(service, failure(response.error.message));
      setBusy(null);
    },
    [client],
  );

  return { connections, loadError, busy, notices, connect, disconnect, refresh: reload };
}
