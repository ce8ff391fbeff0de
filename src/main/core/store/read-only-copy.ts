// A data folder sm8sync cannot write to can still be looked at (`status`, a dry run):
// the database file is read without ever being opened for writing, and the app works on
// an in-memory copy of it. The copy takes the few rows a dry run records (its run row),
// and they vanish with it: nothing reaches the folder, nothing is migrated.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corruptError, inspectDatabase, StoreCorruptError } from './inspect-database';

export class StoreReadOnlyError extends Error {
  override readonly name = 'StoreReadOnlyError';
}

export function readOnlyFolderError(file: string, blocked: string): StoreReadOnlyError {
  const folder = path.dirname(file);
  const what = blocked === folder ? 'the folder itself' : path.basename(blocked);
  return new StoreReadOnlyError(
    `The data folder ${folder} is read-only (${what} cannot be written), so sm8sync cannot record anything there; the database was not opened. Make the folder writable or choose another one. Only looking works read-only: status and a dry-run sync.`,
  );
}

/** SQLite flags WAL mode in header bytes 18–19; an in-memory copy must be an ordinary (rollback) database. */
function withoutWalFlag(image: Buffer): Buffer {
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}

function readImage(file: string): Buffer {
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return readFileSync(file);
  // Recent writes still sit in the WAL and only SQLite can fold them in, which needs a -shm
  // it may write: so it reads copies in a private scratch folder, never the data folder.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-read-'));
  try {
    const copy = path.join(scratch, 'copy.sqlite');
    copyFileSync(file, copy);
    copyFileSync(wal, `${copy}-wal`);
    const source = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      return source.serialize();
    } finally {
      source.close();
    }
  } catch (error) {
    throw corruptError(file, (error as Error).message);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function openReadOnlyCopy(file: string, latest: number): { db: Database.Database; version: number } {
  if (!existsSync(file) || statSync(file).size === 0) {
    throw new StoreReadOnlyError(
      `There is no sm8sync database in ${path.dirname(file)} yet, and the folder is read-only, so none can be made.`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(withoutWalFlag(readImage(file)));
  } catch (error) {
    if (error instanceof StoreCorruptError) throw error;
    throw corruptError(file, (error as Error).message);
  }
  try {
    const version = inspectDatabase(db, file, latest);
    if (version < latest) {
      throw new StoreReadOnlyError(
        `The database ${file} needs upgrading (schema ${version} to ${latest}), which needs write access to ${path.dirname(file)}; it was left as it is.`,
      );
    }
    db.pragma('foreign_keys = ON');
    return { db, version };
  } catch (error) {
    db.close();
    throw error;
  }
}
