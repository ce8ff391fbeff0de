// `sm8sync serve` as a real process: its main thread answers HTTP and never opens the
// SQLite file (the sync worker does), and SQLite is closed cleanly when the process
// stops, on SIGTERM or on an abrupt exit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../helpers/cli-process';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ROOT = path.resolve(__dirname, '../..');
const RECORDER = path.join(ROOT, 'test/fixtures/record-sqlite-load.cjs');

beforeAll(() => assertBuilt());

function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('close', (code) => reject(new Error(`exited ${code} before printing: ${stderr}`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, firstLine, done, stderr: () => stderr };
}

describe('sm8sync serve with the sync worker', () => {
  it('opens SQLite only on the worker thread, and closes it on SIGTERM', async () => {
    const dataDir = tempDir();
    const opens = path.join(dataDir, 'sqlite-opens.jsonl');
    const serve = run(['--require', RECORDER, BIN, 'serve', '--json'], {
      SM8SYNC_DATA_DIR: dataDir,
      SM8SYNC_TEST_OPEN_LOG: opens,
      SERVICEM8_API_KEY: '',
      STRIPE_API_KEY: '',
    });
    const url = new URL((JSON.parse(await serve.firstLine) as { url: string }).url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const reply = await fetch(new URL('/api/listActivity', url.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(await reply.json()).toEqual({ ok: true, value: [] });
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite-wal'))).toBe(true);

    const threads = readFileSync(opens, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { isMainThread: boolean; threadId: number; file: string });
    // The recorder works (the worker's open is seen), and the main thread opened nothing.
    expect(threads.filter((t) => t.file === path.join(dataDir, 'sm8sync.sqlite'))).not.toHaveLength(0);
    expect(threads.filter((t) => t.isMainThread || t.threadId === 0)).toEqual([]);

    serve.child.kill('SIGTERM');
    expect(await serve.done).toBe(0);
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite-wal'))).toBe(false);
  });

  it('closes SQLite when the host process exits without closing the worker (and not when it is killed)', async () => {
    const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const end = async (how: 'exit' | 'kill') => {
      const dataDir = tempDir();
      const host = run([tsx, path.join(ROOT, 'test/fixtures/host-exits-without-close.ts'), dataDir, how], {});
      expect(JSON.parse(await host.firstLine)).toEqual({ ok: true });
      await host.done;
      expect(existsSync(path.join(dataDir, 'sm8sync.sqlite'))).toBe(true);
      return existsSync(path.join(dataDir, 'sm8sync.sqlite-wal'));
    };
    // Worker threads end with their process; ending one closes its open databases.
    expect(await end('exit')).toBe(false);
    expect(await end('kill')).toBe(true);
  });
});
