// The loopback app server on a real app (fake engine and testers, memory secrets) in a temp
// data dir, plus two ways to talk to it: http.request for ordinary calls and a raw socket
// for requests no well-behaved client would send (no Host, raw backslashes, "//").
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../src/main/core/app/open-app';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { startAppServer, type AppServer } from '../../src/main/server/app-server';
import { FakeRunner, FakeTester } from './fake-ports';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface LoopbackApp {
  server: AppServer;
  app: OpenedApp;
  dataDir: string;
  rendererDir: string;
  close(): Promise<void>;
}

export const INDEX_HTML = '<!doctype html><title>sm8sync</title>';

export async function startLoopbackApp(dataDir: string): Promise<LoopbackApp> {
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  const app = openApp({ dataDir, env: {}, runner: new FakeRunner(), connections: new FakeTester(), secrets: new MemorySecretStore() });
  const server = await startAppServer({ backend: app.backend, rendererDir, heartbeatMs: 50 });
  return {
    server,
    app,
    dataDir,
    rendererDir,
    close: async () => {
      await server.close();
      app.close();
    },
  };
}

export function request(
  server: AppServer,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers, agent: false },
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

/** POST /api/<method> with the token, JSON body as given (a string is sent as is). */
export function callApi(server: AppServer, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Sends bytes exactly as given and returns the status line's code and the rest. The request
 * must ask for `Connection: close` (or be HTTP/1.0): the socket is not half-closed, because
 * Node's server drops a request whose client has already sent FIN.
 */
export function rawRequest(server: AppServer, text: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0), text: received }));
  });
}
