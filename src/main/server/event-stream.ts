// Server-sent events for the UI in a browser: every app event as `event: <name>` with a
// JSON payload, and a comment heartbeat so proxies and sleeping laptops notice a dead
// connection. One subscription per connection, dropped when it closes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppBackend } from '../core/app/app-backend';

export const HEARTBEAT_MS = 15_000;

export function openEventStream(
  backend: AppBackend,
  request: IncomingMessage,
  response: ServerResponse,
  heartbeatMs = HEARTBEAT_MS,
): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Tell EventSource how soon to reconnect, and flush headers so the browser sees "open".
  response.write('retry: 3000\n: connected\n\n');
  const unsubscribe = backend.subscribe((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.on('close', close);
  return () => {
    close();
    response.end();
  };
}
