// Where tests put their data folders. Under `npm test`, scripts/test.sh sets
// SM8SYNC_TEST_ROOT: every folder goes there and is kept until the secret scan after the
// suite has read it (test.sh then removes the root). Elsewhere: os.tmpdir(), removed after
// each test. No vitest import here, so Playwright specs can use it too.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function testTempRoot(): string {
  return process.env.SM8SYNC_TEST_ROOT || os.tmpdir();
}

/** True when the data must outlive the test, for the secret scan. */
export function keepTestData(): boolean {
  return Boolean(process.env.SM8SYNC_TEST_ROOT);
}

export function makeTestDataDir(prefix = 'sm8sync-test-'): string {
  mkdirSync(testTempRoot(), { recursive: true });
  return mkdtempSync(path.join(testTempRoot(), prefix));
}

export function removeTestDataDir(dir: string): void {
  if (!keepTestData()) rmSync(dir, { recursive: true, force: true });
}
