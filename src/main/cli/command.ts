// The shape of one `sm8sync` subcommand. Each lives in its own file under commands/
// and is listed in commands/index.ts; main.ts parses flags and dispatches.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** The subcommand's name, for the log. */
  command: string;
  dataDir: string;
  json: boolean;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Aborted on SIGINT/SIGTERM: long-running commands stop cleanly. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  run(context: CommandContext, values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Prints a result as JSON (with --json) or as text. */
export function output(context: CommandContext, value: unknown, text: () => string): void {
  context.stdout.write(context.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

export function parseIntegerFlag(name: string, raw: unknown, range: { min: number; max: number }): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

export function parseChoiceFlag<T extends string>(name: string, raw: unknown, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(raw)})`);
  }
  return raw as T;
}
