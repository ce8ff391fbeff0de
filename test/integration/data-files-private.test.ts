// Everything sm8sync keeps about a business (its customers' names, emails, addresses) is
// readable by the user only: folders 0700, files 0600, whatever the umask says.
import Database from 'better-sqlite3';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeLogging, configureLogging, createLogger } from '../../src/main/core/logging/logger';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/core/store/migrations/index';
import { openDatabase } from '../../src/main/core/store/open-database';
import { Store } from '../../src/main/core/store/store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const mode = (target: string) => (statSync(target).mode & 0o777).toString(8);
let umask = 0;
beforeAll(() => (umask = process.umask(0o022))); // the usual umask: without care, files come out 0644
afterAll(() => process.umask(umask));
afterEach(() => closeLogging());

describe('data files are private to the user', () => {
  it('a new data folder is 0700; the database and its -wal and -shm are 0600', () => {
    const dir = path.join(tempDir(), 'new', 'sm8sync');
    const store = Store.open(dir);
    store.cursors.set('servicem8.company', '2026-11-01 09:00:00'); // the WAL is in use while the store is open
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['sm8sync.sqlite', 'sm8sync.sqlite-shm', 'sm8sync.sqlite-wal']);
    expect(mode(dir)).toBe('700');
    for (const name of names) expect(mode(path.join(dir, name)), name).toBe('600');
    store.close();
  });

  it('an existing database left 0644 by an older version is narrowed to 0600', () => {
    const dir = tempDir();
    Store.open(dir).close();
    const file = path.join(dir, 'sm8sync.sqlite');
    chmodSync(file, 0o644);
    Store.open(dir).close();
    expect(mode(file)).toBe('600');
  });

  it('a backup made before a migration is 0600', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    Store.openFile(file).close();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'later', up: 'CREATE TABLE later (a);' }];
    const { db, backupPath } = openDatabase(file, { migrations: next });
    db.close();
    expect(backupPath).not.toBeNull();
    expect(mode(backupPath!)).toBe('600');
    const backup = new Database(backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION); // a real copy, not an empty file
    backup.close();
  });

  it('the log, its rotations and its history are 0600, in a 0700 folder', async () => {
    const dir = path.join(tempDir(), 'logs');
    configureLogging({ dir, rotateSize: '1K', rotateKeep: 3 });
    const log = createLogger('test/modes');
    for (let i = 0; i < 40; i += 1) log.info({ i, pad: 'x'.repeat(100) }, 'line');
    await closeLogging();
    const names = readdirSync(dir);
    expect(names.filter((n) => n.endsWith('sm8sync.log')).length).toBeGreaterThan(1); // it did rotate
    expect(names).toContain('sm8sync.log.txt');
    expect(mode(dir)).toBe('700');
    for (const name of names) expect(mode(path.join(dir, name)), name).toBe('600');
  });

  it('an existing log file left 0644 is narrowed to 0600', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'sm8sync.log'), '', { mode: 0o644 });
    configureLogging({ dir });
    createLogger('test/modes').info('hello');
    await closeLogging();
    expect(mode(path.join(dir, 'sm8sync.log'))).toBe('600');
  });
});
