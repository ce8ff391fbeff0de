// The tray app itself, through Playwright's Electron driver. The Electron binary
// cannot be downloaded in this environment; point ELECTRON_OVERRIDE_DIST_PATH at an
// unpacked Electron to run this test. Without one it is reported as skipped, with why.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeTestDataDir, removeTestDataDir } from '../helpers/test-data-root';
import path from 'node:path';

function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  // Not require('electron'): that starts a download when the binary is missing.
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();
if (binary === null)
  process.stderr.write('electron e2e: skipped, no Electron binary present (cannot be downloaded here; set ELECTRON_OVERRIDE_DIST_PATH)\n');

test('the Electron app opens its window with isolation on', async () => {
  test.skip(
    binary === null,
    'No Electron binary here (it cannot be downloaded in this environment); set ELECTRON_OVERRIDE_DIST_PATH to run it.',
  );
  // A throwaway data dir, and env keys cleared so the app starts "not connected".
  const dataDir = makeTestDataDir('sm8sync-electron-');
  const env = { ...process.env, SM8SYNC_DATA_DIR: dataDir, SERVICEM8_API_KEY: '', STRIPE_API_KEY: '' } as Record<string, string>;
  const app = await electron.launch({ executablePath: binary!, args: [path.resolve('dist/main/electron.cjs')], env });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('sm8sync');
    // First run opens on Connect, with data from main over the IPC bridge.
    await expect(window.getByRole('heading', { name: 'Connect' })).toBeVisible();
    const status = await window.evaluate(() =>
      (globalThis as unknown as { sm8sync: { invoke(m: string, p: unknown): Promise<unknown> } }).sm8sync.invoke('getStatus', {}),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'not_connected' } });
    // Main validates the payload: a bad method name is refused as a result, not a throw.
    const refused = await window.evaluate(() =>
      (globalThis as unknown as { sm8sync: { invoke(m: unknown, p: unknown): Promise<unknown> } }).sm8sync.invoke({ evil: true }, {}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    // Isolation as the renderer sees it: no Node, only the preload's one frozen object.
    const seen = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: (globalThis as { sm8sync?: { runtime?: string } }).sm8sync?.runtime,
      frozen: Object.isFrozen((globalThis as { sm8sync?: object }).sm8sync),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: 'electron', frozen: true });
  } finally {
    await app.close();
    removeTestDataDir(dataDir);
  }
});
