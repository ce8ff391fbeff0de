// Can sm8sync write where it keeps a file? Asked before opening the database, so a
// read-only data folder is reported as read-only, not as a damaged database (SQLite's
// own error for it, "attempt to write a readonly database", reads like damage).
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

function writable(target: string): boolean {
  try {
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first path that would have to be written for `file` and cannot be: its folder (or
 * the nearest parent that exists, where the folder is still to be made), the file itself,
 * and the `companions` beside it (SQLite's -wal and -shm). Null when all are writable.
 */
export function unwritablePath(file: string, companions: readonly string[] = []): string | null {
  let folder = path.dirname(file);
  while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  if (!writable(folder)) return folder;
  for (const target of [file, ...companions.map((suffix) => `${file}${suffix}`)]) {
    if (existsSync(target) && !writable(target)) return target;
  }
  return null;
}
