// The loopback server's refusals, one attacker at a time: whoever lacks the token (401),
// a DNS-rebinding page (foreign Host, 403), a cross-site form or fetch (foreign Origin,
// 403), path traversal towards files beside the renderer, bodies that are too big or
// not JSON, and methods a path does not take (405 with Allow).
import fc from 'fast-check';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, INDEX_HTML, rawRequest, request, startLoopbackApp, type LoopbackApp } from '../helpers/loopback-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const opened: LoopbackApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

const SECRET = 'TOP-SECRET-outside-the-renderer';
const ASSET = 'console.log("the app")';

/** A renderer folder with one asset, and beside it things the server must never hand out. */
async function start(): Promise<LoopbackApp> {
  const app = await startLoopbackApp(tempDir());
  opened.push(app);
  writeFileSync(path.join(app.rendererDir, 'assets/app.js'), ASSET);
  writeFileSync(path.join(app.dataDir, 'secret.txt'), SECRET);
  // A sibling whose name starts like the renderer's: a prefix check alone would let it through.
  mkdirSync(path.join(app.dataDir, 'renderer-evil'));
  writeFileSync(path.join(app.dataDir, 'renderer-evil/x.js'), SECRET);
  symlinkSync(path.join(app.dataDir, 'secret.txt'), path.join(app.rendererDir, 'assets/link.js'));
  return app;
}

describe('loopback server refusals', () => {
  it('401 without the right token, whichever way it is (not) given', async () => {
    const { server } = await start();
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${server.token.slice(0, -1)}` },
      { authorization: `bearer ${server.token}` },
      { authorization: `Basic ${Buffer.from(`x:${server.token}`).toString('base64')}` },
      { 'x-sm8sync-token': `${server.token} ` + 'x' },
      { cookie: `token=${server.token}` },
    ];
    for (const headers of cases) {
      const reply = await request(server, {
        path: '/api/getStatus',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(
      (
        await request(server, {
          path: `/api/getStatus?token=${server.token}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
    expect((await request(server, { path: '/api/events?token=wrong' })).status).toBe(401);
    // The right token does work, so the refusals above are about the token.
    expect((await callApi(server, 'getStatus', {})).status).toBe(200);
  });

  it('403 for any Host but our own address and port (DNS rebinding), before anything is served', async () => {
    const { server } = await start();
    const port = server.port;
    for (const host of [
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `[::1]:${port}`,
      `127.0.0.1:${port}.evil`,
    ]) {
      expect((await callApi(server, 'getStatus', {}, { host })).status, host).toBe(403);
      expect((await request(server, { path: '/', headers: { host } })).status, host).toBe(403);
    }
    const noHost = await rawRequest(server, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost.status).toBe(403);
    expect(noHost.text).not.toContain('<title>sm8sync</title>');
    expect((await callApi(server, 'getStatus', {}, { host: `LOCALHOST:${port}` })).status).toBe(200);
  });

  it('403 for a write or event stream from a foreign Origin (CSRF), even with the token', async () => {
    const { server, app } = await start();
    const port = server.port;
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://localhost.evil.example:${port}`,
    ]) {
      const reply = await callApi(server, 'setPaused', { paused: true }, { origin });
      expect(reply.status, origin).toBe(403);
      expect((await request(server, { path: `/api/events?token=${server.token}`, headers: { origin } })).status, origin).toBe(403);
    }
    expect(app.settings.get().sync.paused).toBe(false);
    expect((await callApi(server, 'setPaused', { paused: true }, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect(app.settings.get().sync.paused).toBe(true);
  });

  it('never serves a file from outside the renderer folder, however the path is spelt', async () => {
    const { server } = await start();
    const refusals: [string, number][] = [
      ['/../secret.txt', 404], // the URL parser resolves ../ to /secret.txt: inside, and absent
      ['/%2e%2e/secret.txt', 404], // %2e%2e is a dot segment to the URL parser too
      ['/%2e%2e%2fsecret.txt', 400],
      ['/assets/..%2f..%2fsecret.txt', 400],
      ['/%2e%2e%2frenderer-evil/x.js', 400],
      ['/%252e%252e%252fsecret.txt', 404], // decoded once only: a literal, absent file name
      ['/..%5csecret.txt', 400],
      ['/..%5c..%5csecret.txt', 400],
      ['/assets/link.js', 404], // a symlink out of the folder
      ['/secret.txt%00.js', 400],
      ['/%E0%A4%A', 400],
    ];
    for (const [target, status] of refusals) {
      const reply = await request(server, { path: target });
      expect(reply.status, target).toBe(status);
      expect(reply.body, target).not.toContain(SECRET);
    }
    for (const target of ['/..\\secret.txt', '/assets\\..\\..\\secret.txt', '//secret.txt', '/\\secret.txt', 'secret.txt', '*']) {
      const reply = await rawRequest(server, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
      expect([400, 404], target).toContain(reply.status);
      expect(reply.text, target).not.toContain(SECRET);
    }
    expect((await request(server, { path: '/assets/app.js' })).body).toBe(ASSET);
    expect((await request(server, { path: '/assets/../assets/app.js' })).body).toBe(ASSET);
  });

  it('random mixes of dot segments, encodings and separators never reach a file outside (fast-check)', async () => {
    const { server } = await start();
    const piece = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2e',
      '%252e%252e',
      '%2f',
      '%252f',
      '%5c',
      '%255c',
      '/',
      '//',
      'assets',
      'secret.txt',
      'renderer-evil',
      'x.js',
      'link.js',
      '%00',
      '%c0%ae',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const reply = await request(server, { path: `/${pieces.join('')}` });
        expect(reply.body).not.toContain(SECRET);
        expect([200, 400, 403, 404]).toContain(reply.status);
        if (reply.status === 200) expect([INDEX_HTML, ASSET]).toContain(reply.body);
      }),
      { numRuns: 150 },
    );
  });

  it('413 for a body over the cap, declared or streamed; 400 for a body that is not JSON or not an object; 415 for other types', async () => {
    const { server } = await start();
    const huge = await callApi(server, 'getStatus', { pad: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    // Chunked, so no length is declared up front: the cap applies while reading.
    const streamed = await request(server, {
      path: '/api/getStatus',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, 'transfer-encoding': 'chunked' },
      body: `{"pad":"${'y'.repeat(300_000)}"}`,
    });
    expect(streamed.status).toBe(413);
    for (const body of ['{', '{"paused":}', "{'paused':true}", 'nul', '{"paused":true}}']) {
      const reply = await callApi(server, 'setPaused', body);
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body), body).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    }
    for (const body of ['[]', '"paused"', '42', 'true', '{"paused":"yes"}', '{}']) {
      const reply = await callApi(server, 'setPaused', body);
      expect(reply.status, body).toBe(400);
      expect((JSON.parse(reply.body) as { error: { message: string } }).error.message, body).not.toBe('');
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await callApi(server, 'getStatus', '{}', { 'content-type': type })).status, type).toBe(415);
    }
  });

  it('405 with Allow for a method the path does not take; 400 for a target that is not a path', async () => {
    const { server } = await start();
    const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const cases: [string, string, string][] = [
      ['GET', '/api/getStatus', 'POST'],
      ['PUT', '/api/setPaused', 'POST'],
      ['DELETE', '/api/getStatus', 'POST'],
      ['OPTIONS', '/api/getStatus', 'POST'],
      ['POST', '/api/events', 'GET'],
      ['POST', '/', 'GET, HEAD'],
      ['PUT', '/assets/app.js', 'GET, HEAD'],
      ['DELETE', '/index.html', 'GET, HEAD'],
    ];
    for (const [method, target, allow] of cases) {
      const reply = await request(server, { path: target, method, headers: auth });
      expect(reply.status, `${method} ${target}`).toBe(405);
      expect(reply.headers.allow, `${method} ${target}`).toBe(allow);
    }
    expect((await request(server, { path: '/', method: 'HEAD' })).status).toBe(200);
    const absolute = await rawRequest(
      server,
      `GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolute.status).toBe(400);
  });
});
