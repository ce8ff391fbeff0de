import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/main/core/app/open-app';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { startAppServer, type AppServer } from '../../src/main/server/app-server';
import { FakeRunner, FakeTester } from '../helpers/fake-ports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  server: AppServer,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function start(): Promise<{ server: AppServer; app: OpenedApp }> {
  const dataDir = tempDir();
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>sm8sync</title>');
  const app = openApp({ dataDir, env: {}, runner: new FakeRunner(), connections: new FakeTester(), secrets: new MemorySecretStore() });
  const server = await startAppServer({ backend: app.backend, rendererDir, heartbeatMs: 50 });
  cleanups.push(
    () => app.close(),
    () => server.close(),
  );
  return { server, app };
}

const json = (server: AppServer, method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(server, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('loopback app server', () => {
  it('answers API calls with the token, and puts the token in the URL fragment only', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
    const reply = await json(server, 'getStatus', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { state: 'not_connected' } });
    const viaHeader = await json(server, 'getStatus', {}, { authorization: '', 'x-sm8sync-token': server.token });
    expect(JSON.parse(viaHeader.body)).toMatchObject({ ok: true });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const { server } = await start();
    expect((await json(server, 'getStatus', {}, { authorization: '' })).status).toBe(401);
    expect((await json(server, 'getStatus', {}, { authorization: `Bearer ${server.token}x` })).status).toBe(401);
    // The query-string token is for the event stream only.
    const viaQuery = await request(server, {
      path: `/api/getStatus?token=${server.token}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
    expect((await request(server, { path: '/api/events' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    const { server } = await start();
    expect((await json(server, 'getStatus', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await request(server, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await json(server, 'getStatus', {}, { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await json(server, 'getStatus', {}, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('validates params, rejects non-JSON and oversized bodies, and unknown methods', async () => {
    const { server } = await start();
    const bad = await json(server, 'resolveConflicts', { ids: [], take: 'both' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    expect(JSON.parse((await json(server, 'dropTables', {})).body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const form = await request(server, {
      path: '/api/getStatus',
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const huge = await json(server, 'getStatus', { pad: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect((await request(server, { path: '/api/getStatus', headers: { authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });

  it('serves the UI with strict security headers and no caching', async () => {
    const { server } = await start();
    const page = await request(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>sm8sync</title>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await request(server, { path: '/conflicts' })).body).toContain('<title>sm8sync</title>');
    expect((await request(server, { path: '/../../etc/passwd.txt' })).status).toBe(404);
    expect((await request(server, { path: '/missing.js' })).status).toBe(404);
  });

  it('pushes app events over server-sent events with heartbeats', async () => {
    const { server } = await start();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${encodeURIComponent(server.token)}` },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes(': connected') && !text.includes('event: status')) {
              // Trigger a real event through the API: pausing announces the new status.
              void json(server, 'setPaused', { paused: true });
            }
            if (text.includes('event: status') && text.includes(': heartbeat')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    const data = /event: status\ndata: (.*)\n/.exec(received)?.[1];
    expect(JSON.parse(data!)).toMatchObject({ state: 'not_connected' });
  });
});
