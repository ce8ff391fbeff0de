// The app as the CLI uses it: the same AppService the UI talks to, with the real
// engine and connectors, and a progress line per entity when stderr is a terminal.
// The long-running commands (serve, demo) run the app in the sync worker instead.
import type { RunProgress } from '../core/app/ports';
import { openApp, type OpenedApp } from '../core/app/open-app';
import { createConnectionTester } from '../core/connectors/connection-tester';
import type { SecretStore } from '../core/secrets/secret-store';
import { createSyncRunner } from '../core/sync/create-runner';
import type { CommandContext } from './command';

export interface CliAppOptions {
  progress?: boolean;
  /** The demo runs in its own folder, against the simulators, with keys in memory. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  secrets?: SecretStore;
  nextSyncAt?: () => Date | null;
}

export function openCliApp(context: CommandContext, options: CliAppOptions = {}): OpenedApp {
  const tty = options.progress === true && context.stderr.isTTY === true && !context.json;
  let lastLine = '';
  const onProgress = (p: RunProgress) => {
    const line = `${p.entity ?? 'sync'}: ${p.phase}${p.done ? ` ${p.done}${p.total ? `/${p.total}` : ''}` : ''}`;
    if (line === lastLine) return;
    lastLine = line;
    context.stderr.write(`\r\u001b[2K${line}`);
  };
  const env = options.env ?? context.env;
  return openApp({
    dataDir: options.dataDir ?? context.dataDir,
    env,
    runner: (deps) => createSyncRunner(deps, tty ? { onProgress } : {}),
    connections: createConnectionTester(env),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.nextSyncAt ? { nextSyncAt: options.nextSyncAt } : {}),
  });
}

/** Ends the progress line so the result starts on a clean line. */
export function endProgress(context: CommandContext): void {
  if (context.stderr.isTTY && !context.json) context.stderr.write('\r\u001b[2K');
}
