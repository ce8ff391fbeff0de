// Credentials live only behind this interface: the OS keychain in the app, the
// environment for headless use, memory in tests. Nothing else stores them.
import { registerSecret } from '../logging/redact';

/** Every secret the app knows about. OAuth tokens are one JSON value so a rotation is atomic. */
export const SECRET_NAMES = ['servicem8.apiKey', 'servicem8.oauthTokens', 'servicem8.oauthClientSecret', 'stripe.apiKey'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  /** Where secrets come from, for messages: "OS keychain", "environment", "memory". */
  readonly kind: string;
  readonly writable: boolean;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
}

export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
}

/** Wraps a store so that every value read is registered with the log redactor. */
export function withRedaction(store: SecretStore): SecretStore {
  return {
    kind: store.kind,
    writable: store.writable,
    async get(name) {
      const value = await store.get(name);
      registerSecret(value);
      return value;
    },
    async set(name, value) {
      registerSecret(value);
      await store.set(name, value);
    },
    delete: (name) => store.delete(name),
  };
}
