import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLogging, configureLogging, createLogger, logFilePath } from '../../src/main/core/logging/logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
afterEach(() => closeLogging());

function readLines(dir: string): Record<string, unknown>[] {
  return readFileSync(logFilePath(dir), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every line written so far is in the file (no waiting on the clock). */
const flush = closeLogging;

describe('logging', () => {
  it('writes structured JSON lines labelled with the module, to a file in the data dir', async () => {
    const dir = tempDir();
    const log = createLogger('sync/outbox');
    configureLogging({ dir, level: 'info' });
    log.info({ outboxId: 7 }, 'applied write');
    log.debug('too detailed for info');
    createLogger('store/open').warn('migrated');
    await flush();
    const lines = readLines(dir);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', module: 'sync/outbox', outboxId: 7, msg: 'applied write' });
    expect(lines[1]).toMatchObject({ level: 'warn', module: 'store/open' });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('redacts secrets in messages and fields', async () => {
    const dir = tempDir();
    configureLogging({ dir });
    createLogger('connectors/stripe').error(
      { apiKey: 'rk_test_abcdefghijk', url: 'https://x?access_token=abcdefghi' },
      'request with sk_test_123456789 failed',
    );
    await flush();
    const text = readFileSync(logFilePath(dir), 'utf8');
    expect(text).not.toMatch(/rk_test_abcdefghijk|sk_test_123456789|abcdefghi/);
    expect(text).toContain('[redacted]');
  });

  it('rotates the file by size and keeps a bounded number of files', async () => {
    const dir = tempDir();
    configureLogging({ dir, rotateSize: '1K', rotateKeep: 2 });
    const log = createLogger('test/rotation');
    for (let i = 0; i < 60; i += 1) log.info({ i, pad: 'x'.repeat(100) }, 'line');
    await flush();
    // rotating-file-stream keeps its rotation history in sm8sync.log.txt.
    const files = readdirSync(dir).filter((f) => f.endsWith('sm8sync.log'));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3); // the live file + rotateKeep
    expect(path.basename(logFilePath(dir))).toBe('sm8sync.log');
  });
});
