// The app as the CLI uses it: the same AppService the UI talks to, with the real
// engine and connectors, and a progress line per entity when stderr is a terminal.
import type { RunProgress } from '../core/app/ports';
import { openApp, type OpenedApp } from '../core/app/open-app';
import { createConnectionTester } from '../core/connectors/connection-tester';
import { createSyncRunner } from '../core/sync/create-runner';
import type { CommandContext } from './command';

export function openCliApp(context: CommandContext, options: { progress?: boolean } = {}): OpenedApp {
  const tty = options.progress === true && context.stderr.isTTY === true && !context.json;
  let lastLine = '';
  const onProgress = (p: RunProgress) => {
    const line = `${p.entity ?? 'sync'}: ${p.phase}${p.done ? ` ${p.done}${p.total ? `/${p.total}` : ''}` : ''}`;
    if (line === lastLine) return;
    lastLine = line;
    context.stderr.write(`\r\u001b[2K${line}`);
  };
  return openApp({
    dataDir: context.dataDir,
    env: context.env,
    runner: (deps) => createSyncRunner(deps, tty ? { onProgress } : {}),
    connections: createConnectionTester(context.env),
  });
}

/** Ends the progress line so the result starts on a clean line. */
export function endProgress(context: CommandContext): void {
  if (context.stderr.isTTY && !context.json) context.stderr.write('\r\u001b[2K');
}
