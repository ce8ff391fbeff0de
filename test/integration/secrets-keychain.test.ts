import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvSecretStore } from '../../src/main/core/secrets/env-secret-store';
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { SecretStoreError } from '../../src/main/core/secrets/secret-store';
import { keyringReady } from '../helpers/keyring';

describe.runIf(keyringReady)('KeytarSecretStore against a real Secret Service (gnome-keyring)', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    const store = new KeytarSecretStore(`sm8sync-test-${randomUUID()}`);
    expect(await store.get('stripe.apiKey')).toBeNull();
    await store.set('stripe.apiKey', 'rk_test_first_value_123');
    expect(await store.get('stripe.apiKey')).toBe('rk_test_first_value_123');
    await store.set('stripe.apiKey', 'rk_test_second_value_456');
    expect(await store.get('stripe.apiKey')).toBe('rk_test_second_value_456');
    expect(await store.delete('stripe.apiKey')).toBe(true);
    expect(await store.get('stripe.apiKey')).toBeNull();
    expect(await store.delete('stripe.apiKey')).toBe(false);
  });

  it('keeps secrets of different names and services apart', async () => {
    const a = new KeytarSecretStore(`sm8sync-test-${randomUUID()}`);
    const b = new KeytarSecretStore(`sm8sync-test-${randomUUID()}`);
    await a.set('servicem8.apiKey', 'sm8-key-for-a');
    await a.set('stripe.apiKey', 'rk_test_for_a_000');
    expect(await b.get('servicem8.apiKey')).toBeNull();
    expect(await a.get('servicem8.apiKey')).toBe('sm8-key-for-a');
    await a.delete('servicem8.apiKey');
    await a.delete('stripe.apiKey');
  });
});

describe('EnvSecretStore', () => {
  it('reads SERVICEM8_API_KEY and STRIPE_API_KEY and refuses to write', async () => {
    const store = new EnvSecretStore({ SERVICEM8_API_KEY: ' sm8-demo-key ', STRIPE_API_KEY: '' });
    expect(await store.get('servicem8.apiKey')).toBe('sm8-demo-key');
    expect(await store.get('stripe.apiKey')).toBeNull();
    expect(await store.get('servicem8.oauthTokens')).toBeNull();
    await expect(store.set('stripe.apiKey', 'x')).rejects.toThrow(SecretStoreError);
    await expect(store.delete('stripe.apiKey')).rejects.toThrow(/read-only/);
  });
});

describe('MemorySecretStore', () => {
  it('behaves like a keychain in memory', async () => {
    const store = new MemorySecretStore({ 'stripe.apiKey': 'rk_test_mem' });
    expect(await store.get('stripe.apiKey')).toBe('rk_test_mem');
    await store.set('servicem8.apiKey', 'k');
    expect(await store.delete('servicem8.apiKey')).toBe(true);
    expect(await store.get('servicem8.apiKey')).toBeNull();
  });
});
