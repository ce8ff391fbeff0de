// `sm8sync serve [--port N]`: the app API and the UI over 127.0.0.1 with a random token,
// for a browser on the same machine (headless servers, CI, people without a tray).
// This process only answers HTTP and relays: the engine, SQLite and the schedule run
// in the sync worker (src/main/core/worker), so a long sync never stalls a request.
import path from 'node:path';
import { configureLogging } from '../../core/logging/logger';
import { startEngineHost } from '../../core/worker/engine-host';
import { startAppServer } from '../../server/app-server';
import { MEASURE_EVENT_LOOP_ENV, startEventLoopProbe } from '../../server/event-loop-delay';
import { parseIntegerFlag, type Command } from '../command';

/** dist/main/cli.cjs → dist/renderer; overridable for development. */
export function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.SM8SYNC_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer');
}

/**
 * This process's own lines (the HTTP server, a sync worker that stopped) go to a log of
 * their own beside the worker's: two writers rotating one file would lose lines.
 */
export function hostLogDir(dataDir: string): string {
  return path.join(dataDir, 'logs', 'host');
}

/** Resolves when the command's signal (SIGINT/SIGTERM) fires. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the app API and the UI on 127.0.0.1 with a random token; prints the URL',
  usage: 'sm8sync serve [--port N] [--json]',
  options: { port: { type: 'string' } },
  async run(context, values) {
    const port = parseIntegerFlag('port', values.port, { min: 0, max: 65_535 }) ?? 0;
    configureLogging({ dir: hostLogDir(context.dataDir) });
    // Syncs on the schedule in settings, like the tray app.
    const host = await startEngineHost({
      dataDir: context.dataDir,
      logDir: context.dataDir,
      env: context.env,
      schedule: { firstRunInMs: null },
    });
    try {
      const server = await startAppServer({ backend: host.backend, port, rendererDir: rendererDir(context.env) });
      const probe = context.env[MEASURE_EVENT_LOOP_ENV] === '1' ? startEventLoopProbe() : null;
      context.stdout.write(
        context.json
          ? `${JSON.stringify({ url: server.url })}\n`
          : `sm8sync is serving on ${server.origin}\nOpen this address (it carries the access token; do not share it):\n  ${server.url}\nPress Ctrl+C to stop.\n`,
      );
      await untilAborted(context.signal);
      await server.close();
      if (probe) context.stderr.write(`${JSON.stringify({ eventLoopDelay: probe.stop() })}\n`);
      return 0;
    } finally {
      await host.close();
    }
  },
};
