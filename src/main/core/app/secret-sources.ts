// Which credential each service uses, and where it comes from. Headless runs pass keys
// in the environment; those win over the keychain and are never written anywhere.
import type { Connection } from '../../../shared/api';
import { SECRET_ENV_VARS } from '../secrets/env-secret-store';
import type { SecretName, SecretStore } from '../secrets/secret-store';

export type Service = 'servicem8' | 'stripe';
export type SecretSource = NonNullable<Connection['source']>;

/** A SecretStore that can also say where a value came from. */
export interface SourcedSecretStore extends SecretStore {
  sourceOf(name: SecretName): Promise<SecretSource | null>;
}

/** The secrets a service can be connected with, in order of preference. */
export const SERVICE_SECRETS: Record<Service, readonly SecretName[]> = {
  servicem8: ['servicem8.oauthTokens', 'servicem8.apiKey'],
  stripe: ['stripe.apiKey'],
};

/** The secrets `disconnect` removes for a service. */
export const SERVICE_SECRETS_TO_FORGET: Record<Service, readonly SecretName[]> = {
  servicem8: ['servicem8.oauthTokens', 'servicem8.oauthClientSecret', 'servicem8.apiKey'],
  stripe: ['stripe.apiKey'],
};

export function sourceOfKind(kind: string): SecretSource {
  if (kind === 'environment') return 'environment';
  if (kind === 'memory') return 'memory';
  return 'keychain';
}

/**
 * Environment first, then the writable store (keychain). Writes and deletes go to the
 * writable store; a delete of an env-provided secret is refused by the caller.
 */
export function layeredSecretStore(environment: SecretStore, writable: SecretStore): SourcedSecretStore {
  return {
    kind: writable.kind,
    writable: writable.writable,
    async get(name) {
      return (await environment.get(name)) ?? (await writable.get(name));
    },
    set: (name, value) => writable.set(name, value),
    delete: (name) => writable.delete(name),
    async sourceOf(name) {
      if ((await environment.get(name)) !== null) return 'environment';
      return (await writable.get(name)) !== null ? sourceOfKind(writable.kind) : null;
    },
  };
}

export async function sourceOf(secrets: SecretStore, name: SecretName): Promise<SecretSource | null> {
  if ('sourceOf' in secrets && typeof secrets.sourceOf === 'function') return (secrets as SourcedSecretStore).sourceOf(name);
  return (await secrets.get(name)) !== null ? sourceOfKind(secrets.kind) : null;
}

export function envVarFor(name: SecretName): string | undefined {
  return SECRET_ENV_VARS[name];
}

/** The first secret a service has, or null when it is not connected. */
export async function serviceSecret(secrets: SecretStore, service: Service): Promise<{ name: SecretName; value: string } | null> {
  for (const name of SERVICE_SECRETS[service]) {
    const value = await secrets.get(name);
    if (value) return { name, value };
  }
  return null;
}
