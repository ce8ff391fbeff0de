// One labelled, structured logger per module (`createLogger('sync/outbox')`).
// Output goes to a size-rotated JSON-lines file in the data dir once
// configureLogging() has run; before that (and in unit tests) nothing is written
// unless a destination is given. Every line passes through the redactor.
import pino, { type DestinationStream, type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import path from 'node:path';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { redactText, redactValue } from './redact';

export type LogLevel = pino.Level;

export interface LoggingOptions {
  /** Directory for sm8sync.log and its rotations. */
  dir?: string;
  level?: LogLevel;
  /** Extra destination (tests capture output here; the CLI may pass stderr). */
  stream?: DestinationStream;
  /** Rotate the file at this size (rotating-file-stream syntax, e.g. "5M"). */
  rotateSize?: string;
  /** Rotated files kept. */
  rotateKeep?: number;
}

const LOG_FILE = 'sm8sync.log';
/** rotating-file-stream's list of rotated files; it writes it with default permissions, so it is made private first. */
const HISTORY_FILE = 'sm8sync.log.txt';
const ROTATE_SIZE = '5M';
const ROTATE_KEEP = 5;

let root: Logger = pino({ level: 'silent' });
let file: RotatingFileStream | null = null;
let generation = 0;

/** Log files hold record ids, names and emails: readable by the user only, like the database. */
function privateFile(target: string): void {
  if (existsSync(target)) chmodSync(target, 0o600);
  else writeFileSync(target, '', { mode: 0o600 });
}

function openFile(dir: string, options: LoggingOptions): RotatingFileStream {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  privateFile(path.join(dir, LOG_FILE));
  privateFile(path.join(dir, HISTORY_FILE));
  const stream = createStream(LOG_FILE, {
    path: dir,
    size: options.rotateSize ?? ROTATE_SIZE,
    maxFiles: options.rotateKeep ?? ROTATE_KEEP,
    history: HISTORY_FILE,
    mode: 0o600,
  });
  let reported = false;
  stream.on('error', (error: Error) => {
    // A log that cannot be written must not take the sync down with it: say so once.
    if (!reported) process.stderr.write(`sm8sync: cannot write the log in ${dir}: ${redactText(error.message)}\n`);
    reported = true;
  });
  return stream;
}
const children = new Map<string, { generation: number; logger: Logger }>();

function buildRoot(options: LoggingOptions): Logger {
  const streams: pino.StreamEntry[] = [];
  const level = options.level ?? 'info';
  if (options.dir) {
    file = openFile(options.dir, options);
    streams.push({ level, stream: file });
  }
  if (options.stream) streams.push({ level, stream: options.stream });
  if (streams.length === 0) return pino({ level: 'silent' });
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are free text: scrub them as well as the structured fields.
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    pino.multistream(streams),
  );
}

/** Points every logger (existing and future) at the given destinations (the previous file is closed). */
export function configureLogging(options: LoggingOptions): void {
  void closeFile();
  root = buildRoot(options);
  generation += 1;
}

function closeFile(): Promise<void> {
  const open = file;
  file = null;
  if (!open || open.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    open.once('finish', () => resolve());
    open.once('error', () => resolve());
    open.end();
  });
}

/** Silences every logger and resolves once the log file holds every line written so far. */
export async function closeLogging(): Promise<void> {
  root = pino({ level: 'silent' });
  generation += 1;
  await closeFile();
}

export function logFilePath(dir: string): string {
  return path.join(dir, LOG_FILE);
}

function childFor(module: string): Logger {
  const cached = children.get(module);
  if (cached && cached.generation === generation) return cached.logger;
  const logger = root.child({ module });
  children.set(module, { generation, logger });
  return logger;
}

/**
 * A logger labelled with its module. It resolves the root on every call, so loggers
 * created at import time follow a later configureLogging().
 */
export function createLogger(module: string): Logger {
  return new Proxy({} as Logger, {
    get(_obj, prop) {
      const child = childFor(module);
      const value = Reflect.get(child, prop, child) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(child) : value;
    },
  });
}
