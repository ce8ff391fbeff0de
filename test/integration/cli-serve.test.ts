import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('sm8sync serve', () => {
  it('prints {"url"} with --json, answers with the token, and stops on the signal', async () => {
    const stdout = capture();
    const stderr = capture();
    const controller = new AbortController();
    const env = { SERVICEM8_API_KEY: 'smk-env-key-123456', STRIPE_API_KEY: 'rk_test_envkey123456' };
    const dataDir = tempDir();
    const done = runCli(['serve', '--json', '--port', '0', '--data-dir', dataDir], {
      env,
      stdout: stdout.stream,
      stderr: stderr.stream,
      signal: controller.signal,
    });
    await expect.poll(() => stdout.text(), { timeout: 10_000 }).toContain('"url"');
    const { url } = JSON.parse(stdout.text()) as { url: string };
    const parsed = new URL(url);
    expect(parsed.hostname).toBe('127.0.0.1');
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token')!;
    const call = (auth: string) =>
      fetch(new URL('/api/getConnections', parsed.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: '{}',
      });
    expect((await call('Bearer nope')).status).toBe(401);
    const body = (await (await call(`Bearer ${token}`)).json()) as { ok: boolean; value: { source: string }[] };
    expect(body.value.map((c) => c.source)).toEqual(['environment', 'environment']);
    expect(JSON.stringify(body)).not.toContain('envkey');
    controller.abort();
    expect(await done).toBe(0);
    expect(stderr.text()).toBe('');
    // The log is in <data dir>/sm8sync.log (the bytes are there), and the keys are not.
    const logged = readFileSync(path.join(dataDir, 'sm8sync.log'), 'utf8');
    const lines = logged
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // serve's engine runs in the sync worker, which writes the data folder's log.
    expect(lines).toContainEqual(expect.objectContaining({ module: 'worker/engine', msg: 'sync worker started', dataDir }));
    expect(logged).not.toContain(env.SERVICEM8_API_KEY);
    expect(logged).not.toContain(env.STRIPE_API_KEY);
    // This process's own lines (the HTTP server) are in a log of their own, not lost.
    const hostLogged = readFileSync(path.join(dataDir, 'logs', 'host', 'sm8sync.log'), 'utf8');
    expect(hostLogged).toContain('"module":"server/app"');
    expect(hostLogged).toContain('serving the app on loopback');
    expect(hostLogged).not.toContain(env.SERVICEM8_API_KEY);
  });

  it('rejects a bad --port as a usage error', async () => {
    const stderr = capture();
    const code = await runCli(['serve', '--port', 'x', '--data-dir', tempDir()], {
      env: {},
      stdout: capture().stream,
      stderr: stderr.stream,
      signal: new AbortController().signal,
    });
    expect(code).toBe(2);
    expect(stderr.text()).toContain('--port must be a whole number');
  });
});
