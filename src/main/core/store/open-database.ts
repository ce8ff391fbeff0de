// Opens the local SQLite file safely: refuses a corrupt file (and leaves it as it
// is), backs up an existing database before migrating it, applies each migration
// in its own transaction, then switches to WAL for crash safety and concurrency.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../logging/logger';
import { inspectDatabase, StoreCorruptError, StoreForeignError, StoreVersionError } from './inspect-database';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { openReadOnlyCopy, readOnlyFolderError, StoreReadOnlyError } from './read-only-copy';
import { unwritablePath } from '../paths/writable';

const log = createLogger('store/open');

export type SqliteDatabase = Database.Database;

export { StoreCorruptError, StoreForeignError, StoreReadOnlyError, StoreVersionError };

/** SQLite's companions of the database file; they must be writable as well. */
export const COMPANION_FILES = ['-wal', '-shm'] as const;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Stamp for backup file names; tests pin it. */
  now?: () => Date;
  /** Look without writing (a read-only data folder): an in-memory copy, never migrated. */
  readOnly?: boolean;
}

export interface OpenResult {
  db: SqliteDatabase;
  migratedFrom: number;
  migratedTo: number;
  backupPath: string | null;
  readOnly: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? LATEST_VERSION;
  if (options.readOnly) {
    const { db, version } = openReadOnlyCopy(file, latest);
    return { db, migratedFrom: version, migratedTo: version, backupPath: null, readOnly: true };
  }
  const blocked = unwritablePath(file, COMPANION_FILES);
  if (blocked) throw readOnlyFolderError(file, blocked);
  const existed = existsSync(file) && statSync(file).size > 0;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

  // Inspect on a connection that cannot write: a foreign or damaged file is refused byte for byte as it was.
  const inspected = existed ? inspectExisting(file, latest) : 0;
  makePrivate(file);
  const db = new Database(file);
  try {
    // Another sm8sync may have migrated it in between: then look again, on this connection.
    let current = db.pragma('user_version', { simple: true }) as number;
    if (current !== inspected) current = inspectDatabase(db, file, latest);
    const pending = migrations.filter((m) => m.version > current);
    let backupPath: string | null = null;
    if (existed && current > 0 && pending.length > 0) backupPath = backup(db, file, current, options.now?.() ?? new Date());
    for (const migration of pending) applyMigration(db, migration);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (pending.length > 0) log.info({ from: current, to: latest, backupPath }, 'database migrated');
    return { db, migratedFrom: current, migratedTo: latest, backupPath, readOnly: false };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The database holds customers' names, emails and addresses: readable by the user only.
 * SQLite gives its -wal and -shm the database file's permissions, so creating the file
 * 0600 before SQLite does covers them; an older, wider file is narrowed.
 */
function makePrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const target of [file, ...COMPANION_FILES.map((suffix) => `${file}${suffix}`)]) {
    if (existsSync(target) && (statSync(target).mode & 0o077) !== 0) chmodSync(target, 0o600);
  }
}

function inspectExisting(file: string, latest: number): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return inspectDatabase(db, file, latest);
  } finally {
    db.close();
  }
}

function backup(db: SqliteDatabase, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-v${version}-${stamp}`;
  closeSync(openSync(target, 'wx', 0o600)); // VACUUM INTO fills an empty file and keeps its permissions
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function applyMigration(db: SqliteDatabase, migration: Migration): void {
  const run = db.transaction(() => {
    db.exec(migration.up);
    db.pragma(`user_version = ${migration.version}`);
  });
  try {
    run();
  } catch (error) {
    throw new Error(`Migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
