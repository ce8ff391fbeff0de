// The app as the CLI uses it: the same AppService the UI talks to, with the real
// engine and connectors, and a progress line per entity when stderr is a terminal.
// The long-running commands (serve, demo) run the app in the sync worker instead.
import path from 'node:path';
import type { RunProgress } from '../core/app/ports';
import { openApp, type OpenedApp } from '../core/app/open-app';
import { createConnectionTester } from '../core/connectors/connection-tester';
import type { SecretStore } from '../core/secrets/secret-store';
import { createSyncRunner } from '../core/sync/create-runner';
import type { CommandContext } from './command';
import { configureLogging, createLogger } from '../core/logging/logger';
import { unwritablePath } from '../core/paths/writable';
import { COMPANION_FILES } from '../core/store/open-database';
import { DATABASE_FILE } from '../core/store/store';

const log = createLogger('cli');

export interface CliAppOptions {
  progress?: boolean;
  /** The demo runs in its own folder, against the simulators, with keys in memory. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  secrets?: SecretStore;
  nextSyncAt?: () => Date | null;
  /** A command that only looks (status, a dry run) may open a read-only data folder, read-only. */
  looksOnly?: boolean;
}

/**
 * Where the command's data folder stands: writable, the log goes to <data dir>/sm8sync.log;
 * read-only and the command only looks, it opens read-only (and says so) and logs nowhere;
 * read-only otherwise, openApp refuses with the read-only message.
 */
function prepareFolder(context: CommandContext, dataDir: string, looksOnly: boolean): { readOnly: boolean } {
  const blocked = unwritablePath(path.join(dataDir, DATABASE_FILE), COMPANION_FILES);
  if (!blocked) {
    configureLogging({ dir: dataDir });
    log.info({ command: context.command, dataDir, pid: process.pid }, 'command started');
    return { readOnly: false };
  }
  if (!looksOnly) return { readOnly: false };
  context.stderr.write(`sm8sync: ${blocked} is read-only: reading ${dataDir} without writing anything to it.\n`);
  return { readOnly: true };
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
  const dataDir = options.dataDir ?? context.dataDir;
  return openApp({
    dataDir,
    ...prepareFolder(context, dataDir, options.looksOnly === true),
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
