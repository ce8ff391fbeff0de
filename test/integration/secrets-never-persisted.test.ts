// A secret read from the keychain goes through every place the app writes: logs,
// the SQLite file (audit, outbox errors, conflicts, quarantine, runs) and settings.
// None of the bytes on disk may contain it afterwards. An absence proves nothing about a
// file that was never written: each writer also writes a harmless marker beside the
// secret, and every marker must be found, in its own file.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLogging, configureLogging, createLogger } from '../../src/main/core/logging/logger';
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { withRedaction, type SecretStore } from '../../src/main/core/secrets/secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { keyringReady } from '../helpers/keyring';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
afterEach(() => closeLogging());

function allBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name))),
  );
}

/** One marker per writer, written through the same call as the secret. */
const MARKERS = {
  log: 'marker-log-line',
  logError: 'marker-log-error',
  audit: 'marker-audit-message',
  outboxPayload: 'marker-outbox-payload',
  outboxError: 'marker-outbox-error',
  conflict: 'marker-conflict-detail',
  quarantine: 'marker-quarantine-reason',
  run: 'marker-run-error',
};

/** Every marker is in the file its writer writes to, and no file is empty. */
function expectWritten(dataDir: string): void {
  const text = (name: string) => readFileSync(path.join(dataDir, name), 'latin1');
  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['sm8sync.log', 'sm8sync.sqlite', 'settings.json']));
  // sm8sync.log.txt lists rotated logs: empty until the first rotation.
  for (const e of files.filter((f) => f.name !== 'sm8sync.log.txt')) {
    expect(readFileSync(path.join(e.parentPath, e.name)).length, e.name).toBeGreaterThan(0);
  }
  expect(text('sm8sync.log')).toContain(MARKERS.log);
  expect(text('sm8sync.log')).toContain(MARKERS.logError);
  const database = text('sm8sync.sqlite'); // closed: the WAL is folded into the file
  for (const marker of [MARKERS.audit, MARKERS.outboxPayload, MARKERS.outboxError, MARKERS.conflict, MARKERS.quarantine, MARKERS.run]) {
    expect(database).toContain(marker);
  }
  expect(JSON.parse(text('settings.json'))).toMatchObject({ sync: { pollIntervalMinutes: 10 } });
}

async function exerciseEveryWriter(secrets: SecretStore, dataDir: string): Promise<string> {
  // Unusual shapes on purpose: not a Stripe-looking key, so only the registry can catch it.
  const secret = `plainsecret${randomUUID().replaceAll('-', '')}`;
  await secrets.set('servicem8.apiKey', secret);
  const key = (await secrets.get('servicem8.apiKey'))!;
  expect(key).toBe(secret);

  configureLogging({ dir: dataDir, level: 'debug' });
  const log = createLogger('test/leak');
  log.info({ apiKey: key, headers: { 'X-API-Key': key }, note: `key is ${key}` }, `calling ServiceM8 with ${key} ${MARKERS.log}`);
  log.error(new Error(`401 for key ${key} ${MARKERS.logError}`), 'auth failed');

  const store = Store.open(dataDir);
  const run = store.runs.start('cli', false);
  store.audit.append({
    direction: 'servicem8_to_stripe',
    entity: 'client',
    operation: 'create',
    after: { name: 'A', debug: `key=${key}` },
    outcome: 'failed',
    message: `rejected ${key} ${MARKERS.audit}`,
  });
  const item = store.outbox.enqueue({
    entity: 'client',
    target: 'servicem8',
    operation: 'create',
    payload: { name: 'A', note: key, marker: MARKERS.outboxPayload },
    idempotencyKey: 'k1',
  });
  store.outbox.markSent(item.id);
  store.outbox.markFailed(item.id, `HTTP 401 with X-API-Key ${key} ${MARKERS.outboxError}`);
  store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'd', detail: `compare ${key} ${MARKERS.conflict}` });
  store.quarantine.put({
    side: 'servicem8',
    object: 'company',
    recordId: 'u',
    reason: `bad ${key} ${MARKERS.quarantine}`,
    raw: { x: key },
  });
  store.runs.finish(run.id, { state: 'failed', error: `fatal: ${key} ${MARKERS.run}` });
  store.close();

  new SettingsFile(dataDir).write({ sync: { pollIntervalMinutes: 10 } });
  await closeLogging(); // every log line is in the file
  return secret;
}

describe('secrets never reach disk', () => {
  it.runIf(keyringReady)('with the real OS keychain', async () => {
    const dataDir = tempDir();
    const keychain = withRedaction(new KeytarSecretStore(`sm8sync-test-${randomUUID()}`));
    const secret = await exerciseEveryWriter(keychain, dataDir);
    expectWritten(dataDir);
    const bytes = allBytes(dataDir);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes('[redacted]')).toBe(true);
    await keychain.delete('servicem8.apiKey');
  });

  it('with the in-memory store (same writers, no keychain needed)', async () => {
    const dataDir = tempDir();
    const secret = await exerciseEveryWriter(withRedaction(new MemorySecretStore()), dataDir);
    expectWritten(dataDir);
    const bytes = allBytes(dataDir);
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes('[redacted]')).toBe(true);
  });

  it('settings cannot hold a secret: the schema has no such field and rejects unknown ones', () => {
    const file = new SettingsFile(tempDir());
    expect(() => file.write({ stripeApiKey: 'rk_test_x' } as never)).toThrow(/unknown setting\(s\) stripeApiKey/);
  });
});
