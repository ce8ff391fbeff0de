import type { SecretName, SecretStore } from './secret-store';

/** Secrets held in process memory only: for tests and throwaway demo sessions. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  readonly writable = true;
  private readonly values = new Map<SecretName, string>();

  constructor(initial: Partial<Record<SecretName, string>> = {}) {
    for (const [name, value] of Object.entries(initial)) this.values.set(name as SecretName, value);
  }

  get(name: SecretName): Promise<string | null> {
    return Promise.resolve(this.values.get(name) ?? null);
  }

  set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
    return Promise.resolve();
  }

  delete(name: SecretName): Promise<boolean> {
    return Promise.resolve(this.values.delete(name));
  }
}
