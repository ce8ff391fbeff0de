// A pass-through HTTP proxy on 127.0.0.1 in front of a simulator: it records each
// request's method and path, and can hold a request until a test condition is met, to
// see what else goes on while it waits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** "GET /api_1.0/job.json", in arrival order (query strings left out). */
  readonly seen: string[];
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

export async function holdingProxy(
  target: string,
  hold: (method: string, path: string) => Promise<void> | void = () => undefined,
): Promise<HoldingProxy> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      seen.push(`${method} ${url.split('?')[0]}`);
      void (async () => {
        await hold(method, url);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${url}`, { method, headers, ...(body && method !== 'GET' ? { body } : {}) });
        const out: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!HOP_HEADERS.has(name)) out[name] = value;
        });
        response.writeHead(answer.status, out);
        response.end(Buffer.from(await answer.arrayBuffer()));
      })().catch((error: Error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`proxy: ${error.message}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resolves true once `condition` holds (checked every 5 ms), false after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}
