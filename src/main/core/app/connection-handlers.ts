// Connect, test and disconnect. A key is tested against the service BEFORE it is saved
// (a typo never replaces a working key), it is registered with the redactor before
// anything can log it, and it is never returned: the UI only learns "connected via
// keychain" and the account name the test saw.
import type { Connection, ConnectionTest } from '../../../shared/api';
import { redactText, registerSecret } from '../logging/redact';
import type { SecretName, SecretStore } from '../secrets/secret-store';
import { AppError } from './app-backend';
import type { ConnectionTester } from './ports';
import { envVarFor, SERVICE_SECRETS, SERVICE_SECRETS_TO_FORGET, serviceSecret, sourceOf, type Service } from './secret-sources';
import { SIDE_LABEL } from '../../../shared/labels';
import { connectProblem } from './plain-error';

const SERVICES: Service[] = ['servicem8', 'stripe'];

export interface ConnectionHandlers {
  list(): Promise<Connection[]>;
  connect(service: Service, key: string): Promise<ConnectionTest>;
  testAll(): Promise<ConnectionTest[]>;
  disconnect(service: Service): Promise<Connection[]>;
  isConnected(service: Service): Promise<boolean>;
}

function methodOf(name: SecretName, value: string): Connection['method'] {
  if (name === 'servicem8.oauthTokens') return 'oauth';
  if (name === 'servicem8.apiKey') return 'api_key';
  return value.startsWith('rk_') ? 'restricted_key' : 'secret_key';
}

export function createConnectionHandlers(secrets: SecretStore, tester: ConnectionTester): ConnectionHandlers {
  // The account name is not a secret, but it is only known after a test: memory is enough.
  const accounts = new Map<Service, string | null>();

  async function describe(service: Service): Promise<Connection> {
    const secret = await serviceSecret(secrets, service);
    return {
      service,
      connected: secret !== null,
      method: secret ? methodOf(secret.name, secret.value) : null,
      source: secret ? await sourceOf(secrets, secret.name) : null,
      account: secret ? (accounts.get(service) ?? null) : null,
      endpoint: tester.endpoint(service),
      testMode: service === 'stripe' && secret !== null ? secret.value.includes('_test_') : false,
    };
  }

  async function test(service: Service, key: string): Promise<ConnectionTest> {
    try {
      const result = await tester.test(service, key);
      // The tester's message names requests and codes; people get what to do instead.
      if (!result.ok) return { ...result, service, message: connectProblem(service, redactText(result.message).split(key).join('')) };
      // Belt and braces: a tester that echoes the key in its message must not leak it.
      return { ...result, service, message: redactText(result.message).split(key).join('[redacted]') };
    } catch (error) {
      return {
        service,
        ok: false,
        message: connectProblem(service, `Could not reach ${SIDE_LABEL[service]}: ${redactText((error as Error).message)}`),
        account: null,
      };
    }
  }

  return {
    list: () => Promise.all(SERVICES.map(describe)),
    isConnected: async (service) => (await serviceSecret(secrets, service)) !== null,

    async connect(service, rawKey) {
      const key = rawKey.trim();
      registerSecret(key);
      const result = await test(service, key);
      if (!result.ok) return result;
      if (!secrets.writable)
        throw new AppError('failed', `The key works, but ${secrets.kind} secrets are read-only here: set it in the environment instead.`);
      const name: SecretName = service === 'servicem8' ? 'servicem8.apiKey' : 'stripe.apiKey';
      await secrets.set(name, key).catch(() => {
        throw new AppError(
          'failed',
          `The key works, but this computer's keychain could not save it. Start the keychain (keyring) and try again, or set ${envVarFor(name) ?? name} in the environment.`,
        );
      });
      // An API key replaces an OAuth connection: drop the old tokens so only one is used.
      if (service === 'servicem8') await secrets.delete('servicem8.oauthTokens').catch(() => false);
      accounts.set(service, result.account);
      return result;
    },

    async testAll() {
      return Promise.all(
        SERVICES.map(async (service): Promise<ConnectionTest> => {
          const secret = await serviceSecret(secrets, service);
          if (!secret) return { service, ok: false, message: `${SIDE_LABEL[service]} is not connected.`, account: null };
          if (secret.name === 'servicem8.oauthTokens')
            return {
              service,
              ok: true,
              message: 'Connected with OAuth; tokens are refreshed by the next sync.',
              account: accounts.get(service) ?? null,
            };
          const result = await test(service, secret.value);
          if (result.ok) accounts.set(service, result.account);
          return result;
        }),
      );
    },

    async disconnect(service) {
      for (const name of SERVICE_SECRETS[service]) {
        if ((await sourceOf(secrets, name)) === 'environment') {
          throw new AppError(
            'failed',
            `${SIDE_LABEL[service]} is connected through the environment variable ${envVarFor(name) ?? name}; unset it to disconnect.`,
          );
        }
      }
      for (const name of SERVICE_SECRETS_TO_FORGET[service]) await secrets.delete(name);
      accounts.delete(service);
      return Promise.all(SERVICES.map(describe));
    },
  };
}
