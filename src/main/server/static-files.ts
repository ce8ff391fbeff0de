// Serves the built renderer (dist/renderer). Only files inside the folder, only GET,
// unknown paths fall back to index.html so a reload on any screen works. "Inside" is
// checked twice: on the decoded path (../, %2e%2e%2f, backslashes), and on the real path
// after symlinks, so a link in the folder cannot point the server at the rest of the disk.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

const inside = (base: string, file: string) => file === base || file.startsWith(base + path.sep);

async function realInside(base: string, file: string): Promise<boolean> {
  try {
    return inside(await realpath(base), await realpath(file));
  } catch {
    return false;
  }
}

export async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const base = path.resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  let file = path.resolve(base, `.${decoded}`);
  // The URL parser already resolved plain ../ (and \ as /); what still leaves the folder after
  // decoding (%2e%2e%2f, %5c, NUL) never comes from our own pages: a bad request, not a lookup.
  if (decoded.includes('\0') || decoded.includes('\\') || !inside(base, file)) {
    response.writeHead(400).end();
    return;
  }
  const found = await isFile(file);
  if (found && !(await realInside(base, file))) {
    response.writeHead(404).end();
    return;
  }
  if (!found) {
    // Assets that do not exist are a 404; anything else is a screen of the single-page app.
    if (path.extname(decoded) !== '') {
      response.writeHead(404).end();
      return;
    }
    file = path.join(base, 'index.html');
    if (!(await isFile(file))) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The UI is not built yet: run `npm run build`.');
      return;
    }
  }
  // A file can vanish between the look and the read (a rebuild of the UI): answer, never crash the server.
  const stream = createReadStream(file);
  stream.once('open', () => {
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    stream.pipe(response);
  });
  stream.once('error', () => {
    if (!response.headersSent) response.writeHead(404).end();
    else response.destroy();
  });
}
