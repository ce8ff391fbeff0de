// `sm8sync serve [--port N]`: the app API and the UI over 127.0.0.1 with a random token,
// for a browser on the same machine (headless servers, CI, people without a tray).
import path from 'node:path';
import { startAppServer } from '../../server/app-server';
import { MEASURE_EVENT_LOOP_ENV, startEventLoopProbe } from '../../server/event-loop-delay';
import { parseIntegerFlag, type Command } from '../command';
import { openScheduledApp } from '../open-cli-app';

/** dist/main/cli.cjs → dist/renderer; overridable for development. */
export function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.SM8SYNC_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer');
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the app API and the UI on 127.0.0.1 with a random token; prints the URL',
  usage: 'sm8sync serve [--port N] [--json]',
  options: { port: { type: 'string' } },
  async run(context, values) {
    const port = parseIntegerFlag('port', values.port, { min: 0, max: 65_535 }) ?? 0;
    const { app, startSchedule } = openScheduledApp(context);
    try {
      // Syncs on the schedule in settings, like the tray app.
      const scheduler = startSchedule();
      context.signal.addEventListener('abort', () => scheduler.stop(), { once: true });
      const server = await startAppServer({ backend: app.backend, port, rendererDir: rendererDir(context.env) });
      const probe = context.env[MEASURE_EVENT_LOOP_ENV] === '1' ? startEventLoopProbe() : null;
      context.stdout.write(
        context.json
          ? `${JSON.stringify({ url: server.url })}\n`
          : `sm8sync is serving on ${server.origin}\nOpen this address (it carries the access token; do not share it):\n  ${server.url}\nPress Ctrl+C to stop.\n`,
      );
      if (!context.signal.aborted)
        await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve(), { once: true }));
      await server.close();
      if (probe) context.stderr.write(`${JSON.stringify({ eventLoopDelay: probe.stop() })}\n`);
      return 0;
    } finally {
      app.close();
    }
  },
};
