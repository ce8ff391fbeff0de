import { SecretStoreError, type SecretName, type SecretStore } from './secret-store';

/** Environment variables for headless use. Read-only: the app never writes them anywhere. */
export const SECRET_ENV_VARS: Partial<Record<SecretName, string>> = {
  'servicem8.apiKey': 'SERVICEM8_API_KEY',
  'stripe.apiKey': 'STRIPE_API_KEY',
  'servicem8.oauthClientSecret': 'SERVICEM8_OAUTH_CLIENT_SECRET',
};

export class EnvSecretStore implements SecretStore {
  readonly kind = 'environment';
  readonly writable = false;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  get(name: SecretName): Promise<string | null> {
    const variable = SECRET_ENV_VARS[name];
    const value = variable ? this.env[variable]?.trim() : undefined;
    return Promise.resolve(value ? value : null);
  }

  set(name: SecretName, _value: string): Promise<void> {
    return Promise.reject(
      new SecretStoreError(
        `Cannot save ${name}: secrets from the environment are read-only. Use the OS keychain (sm8sync connect) instead.`,
      ),
    );
  }

  delete(name: SecretName): Promise<boolean> {
    return Promise.reject(new SecretStoreError(`Cannot delete ${name}: secrets from the environment are read-only.`));
  }
}
