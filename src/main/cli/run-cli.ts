// Parses `sm8sync <command> [flags]`, builds the shared context (--data-dir, --json)
// and runs the command. Errors become one clear line on stderr and an exit code:
// 2 for a usage mistake, 1 for anything else. No stack traces for expected errors.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths/data-dir';
import { closeLogging, createLogger } from '../core/logging/logger';
import { redactText } from '../core/logging/redact';
import { UsageError, type Command, type CommandContext } from './command';
import { COMMANDS } from './commands/index';
import { packageVersion } from './version';

const log = createLogger('cli');

const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: CommandContext['stdout'];
  stderr: CommandContext['stderr'];
  signal: AbortSignal;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: sm8sync <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --data-dir DIR  where the database, settings, logs and reports live (env SM8SYNC_DATA_DIR)',
    '  --json          machine-readable output',
    '  -h, --help      help for a command',
    '',
    '  sm8sync --version  prints the version',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`sm8sync: unknown command "${name}".\n\n${helpText()}\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`Usage: ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const dataDirFlag = values['data-dir'];
    if (dataDirFlag !== undefined && (typeof dataDirFlag !== 'string' || dataDirFlag.trim() === '')) {
      throw new UsageError('--data-dir needs a folder path');
    }
    const context: CommandContext = {
      command: command.name,
      dataDir: typeof dataDirFlag === 'string' ? dataDirFlag : defaultDataDir(io.env),
      json: values.json === true,
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      signal: io.signal,
    };
    return await command.run(context, values, positionals);
  } catch (error) {
    const message = redactText(error instanceof Error ? error.message : String(error));
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`sm8sync ${name}: ${message}\n`);
    if (!isUsage) log.error({ err: error, command: name }, 'command failed');
    if (isUsage) {
      io.stderr.write(`Usage: ${command.usage}\n`);
      return 2;
    }
    return 1;
  } finally {
    await closeLogging(); // every line is in the file before the process exits
  }
}
