// The OS keychain (macOS Keychain, Windows Credential Vault, Secret Service on Linux)
// through keytar. keytar is loaded lazily so that code paths which never touch the
// keychain (tests with memory secrets, headless runs with env secrets) do not need it.
import { SecretStoreError, type SecretName, type SecretStore } from './secret-store';

export const KEYCHAIN_SERVICE = 'sm8sync';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

async function loadKeytar(): Promise<Keytar> {
  try {
    const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new SecretStoreError(`The OS keychain is not available (keytar failed to load: ${(error as Error).message}).`);
  }
}

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'OS keychain';
  readonly writable = true;
  private keytar: Promise<Keytar> | undefined;

  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private api(): Promise<Keytar> {
    this.keytar ??= loadKeytar();
    return this.keytar;
  }

  async get(name: SecretName): Promise<string | null> {
    return this.call(`read ${name}`, async () => (await this.api()).getPassword(this.service, name));
  }

  async set(name: SecretName, value: string): Promise<void> {
    await this.call(`save ${name}`, async () => (await this.api()).setPassword(this.service, name, value));
  }

  async delete(name: SecretName): Promise<boolean> {
    return this.call(`delete ${name}`, async () => (await this.api()).deletePassword(this.service, name));
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SecretStoreError) throw error;
      // keytar's messages never contain the secret itself, but say what failed and where.
      throw new SecretStoreError(`Could not ${what} in the OS keychain: ${(error as Error).message}`);
    }
  }
}
