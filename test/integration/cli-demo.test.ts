// `sm8sync demo` runs in <data dir>/demo; `demo --once` beside it in a fresh folder of its
// own, so it never touches a demo that is running; a second interactive demo on the same
// folder is refused rather than deleting the first one's data. And `sm8sync --version`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli } from '../helpers/cli-process';
import { useTempDirs } from '../helpers/temp-dir';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tempDir = useTempDirs();
const stops: (() => Promise<unknown>)[] = [];
beforeAll(() => assertBuilt());
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('sm8sync demo', () => {
  it('demo --once uses a fresh folder of its own and leaves a running demo and its data alone', async () => {
    const dataDir = tempDir();
    const { child, done } = startCli(['demo', '--json', '--port', '0', '--data-dir', dataDir], {});
    stops.push(async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await done;
    });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const printed = (): { url: string } | null => {
      try {
        return JSON.parse(stdout) as { url: string };
      } catch {
        return null; // not all of it yet
      }
    };
    // The interactive demo prints its JSON once it has synced and serves the UI.
    await expect.poll(printed, { timeout: 30_000, interval: 50 }).not.toBeNull();
    const { url } = printed()!;
    const running = path.join(dataDir, 'demo');
    const marker = path.join(running, 'marker.txt');
    writeFileSync(marker, 'the running demo owns this folder');
    const database = statSync(path.join(running, 'sm8sync.sqlite'));

    const once = await runCli(['demo', '--once', '--json', '--data-dir', dataDir], {});
    expect(once.code, once.stderr).toBe(0);
    const onceDir = (JSON.parse(once.stdout) as { dataDir: string }).dataDir;
    expect(path.dirname(onceDir)).toBe(dataDir);
    expect(path.basename(onceDir)).toMatch(/^demo-once-/);
    expect(readdirSync(onceDir)).toContain('sm8sync.sqlite');

    const second = await runCli(['demo', '--data-dir', dataDir], {});
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`A demo (process ${child.pid}) is already running in ${running}`);

    expect(readFileSync(marker, 'utf8')).toBe('the running demo owns this folder');
    expect(statSync(path.join(running, 'sm8sync.sqlite')).ino).toBe(database.ino);
    const parsed = new URL(url);
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token')!;
    const status = await fetch(new URL('/api/getStatus', parsed.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    const body = (await status.json()) as { ok: boolean; value: { counts: { linked: { count: number }[] } } };
    expect(body.ok).toBe(true);
    expect(body.value.counts.linked[0]!.count).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'demo.lock'))).toBe(false);
  }, 90_000);

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});
