// Looks at an existing database before sm8sync changes anything in it: is it intact, is
// it ours, and can this build read its schema. Each refusal leaves the file as it is and
// says what to do. Runs on a connection that cannot write.
import path from 'node:path';
import type Database from 'better-sqlite3';

export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
}

export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';
}

/** A SQLite file that another program made: never migrate it (that would be an in-place rewrite of someone else's data). */
export class StoreForeignError extends Error {
  override readonly name = 'StoreForeignError';
}

/** Tables every sm8sync schema has had since migration 1: together they say "this file is ours". */
const OWN_TABLES = ['links', 'outbox', 'sync_runs'];

/** Checks integrity and identity; returns the schema version (0: an empty database, safe to build in). */
export function inspectDatabase(db: Database.Database, file: string, latest: number): number {
  checkIntegrity(db, file);
  const current = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const ours = OWN_TABLES.every((name) => tables.includes(name));
  if (current === 0 && tables.length === 0) return 0;
  if (current === 0 || !ours) {
    const listed = tables.length === 0 ? 'no tables' : `tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}`;
    throw new StoreForeignError(
      `The file ${file} is not an sm8sync database (schema version ${current}, ${listed}). It was left untouched: point sm8sync at its own data folder, or move the file aside and sm8sync will start a new database.`,
    );
  }
  if (current > latest) {
    throw new StoreVersionError(
      `The database ${file} was written by a newer sm8sync (schema ${current}, this build knows ${latest}). Update the app; the file was left as it is.`,
    );
  }
  return current;
}

function checkIntegrity(db: Database.Database, file: string): void {
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    throw corruptError(file, (error as Error).message);
  }
  const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
  if (problems.length > 0) throw corruptError(file, problems.slice(0, 3).join('; '));
}

export function corruptError(file: string, detail: string): StoreCorruptError {
  return new StoreCorruptError(
    `The database ${file} is damaged (${detail}). It was left untouched: restore a backup (${path.basename(file)}.backup-*) or move it aside and sm8sync will rebuild links from the cross-references stored on both sides.`,
  );
}
