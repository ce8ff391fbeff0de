// The api client reaches components through context, so screens and tests get it the
// same way (tests pass a fake AppApiClient).
import { createContext, useContext, type ReactNode } from 'react';
import type { AppApiClient } from '../../shared/api';

const ApiContext = createContext<AppApiClient | null>(null);

export function ApiProvider({ client, children }: { client: AppApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): AppApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside <ApiProvider>');
  return client;
}
