// A secret read from the keychain goes through every place the app writes: logs,
// the SQLite file (audit, outbox errors, conflicts, quarantine, runs) and settings.
// None of the bytes on disk may contain it afterwards.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger } from '../../src/main/core/logging/logger';
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { withRedaction, type SecretStore } from '../../src/main/core/secrets/secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { keyringReady } from '../helpers/keyring';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
afterEach(() => configureLogging({}));

function allBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name))),
  );
}

async function exerciseEveryWriter(secrets: SecretStore, dataDir: string): Promise<string> {
  // Unusual shapes on purpose: not a Stripe-looking key, so only the registry can catch it.
  const secret = `plainsecret${randomUUID().replaceAll('-', '')}`;
  await secrets.set('servicem8.apiKey', secret);
  const key = (await secrets.get('servicem8.apiKey'))!;
  expect(key).toBe(secret);

  configureLogging({ dir: dataDir, level: 'debug' });
  const log = createLogger('test/leak');
  log.info({ apiKey: key, headers: { 'X-API-Key': key }, note: `key is ${key}` }, `calling ServiceM8 with ${key}`);
  log.error(new Error(`401 for key ${key}`), 'auth failed');

  const store = Store.open(dataDir);
  const run = store.runs.start('cli', false);
  store.audit.append({
    direction: 'servicem8_to_stripe',
    entity: 'client',
    operation: 'create',
    after: { name: 'A', debug: `key=${key}` },
    outcome: 'failed',
    message: `rejected ${key}`,
  });
  const item = store.outbox.enqueue({
    entity: 'client',
    target: 'servicem8',
    operation: 'create',
    payload: { name: 'A', note: key },
    idempotencyKey: 'k1',
  });
  store.outbox.markSent(item.id);
  store.outbox.markFailed(item.id, `HTTP 401 with X-API-Key ${key}`);
  store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'd', detail: `compare ${key}` });
  store.quarantine.put({ side: 'servicem8', object: 'company', recordId: 'u', reason: `bad ${key}`, raw: { x: key } });
  store.runs.finish(run.id, { state: 'failed', error: `fatal: ${key}` });
  store.close();

  new SettingsFile(dataDir).write({ sync: { pollIntervalMinutes: 10 } });
  await new Promise((resolve) => setTimeout(resolve, 150));
  return secret;
}

describe('secrets never reach disk', () => {
  it.runIf(keyringReady)('with the real OS keychain', async () => {
    const dataDir = tempDir();
    const keychain = withRedaction(new KeytarSecretStore(`sm8sync-test-${randomUUID()}`));
    const secret = await exerciseEveryWriter(keychain, dataDir);
    const bytes = allBytes(dataDir);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes('[redacted]')).toBe(true);
    await keychain.delete('servicem8.apiKey');
  });

  it('with the in-memory store (same writers, no keychain needed)', async () => {
    const dataDir = tempDir();
    const secret = await exerciseEveryWriter(withRedaction(new MemorySecretStore()), dataDir);
    expect(allBytes(dataDir).includes(secret)).toBe(false);
  });

  it('settings cannot hold a secret: the schema has no such field and rejects unknown ones', () => {
    const file = new SettingsFile(tempDir());
    expect(() => file.write({ stripeApiKey: 'rk_test_x' } as never)).toThrow(/unknown setting\(s\) stripeApiKey/);
  });
});
