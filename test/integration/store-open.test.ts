import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/core/store/migrations/index';
import { openDatabase, StoreCorruptError, StoreForeignError, StoreVersionError } from '../../src/main/core/store/open-database';
import { Store } from '../../src/main/core/store/store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('opening the store (real SQLite files)', () => {
  it('creates a new database with every migration applied, in WAL mode', () => {
    const dir = tempDir();
    const store = Store.open(dir);
    store.close();
    const db = new Database(path.join(dir, 'sm8sync.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'links',
        'snapshots',
        'mirror',
        'cursors',
        'outbox',
        'audit_log',
        'conflicts',
        'quarantine',
        'reports',
        'sync_runs',
      ]),
    );
    db.close();
    expect(store.backupPath).toBeNull();
  });

  it('numbers migrations 1, 2, 3… with no gaps', () => {
    MIGRATIONS.forEach((migration, index) => expect(migration.version).toBe(index + 1));
  });

  it('backs up an existing database before migrating it and keeps its data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    const first = Store.openFile(file);
    first.cursors.set('servicem8.company', '2026-11-01 09:00:00');
    first.close();

    const next = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'add-notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);' },
    ];
    const now = () => new Date('2026-11-24T01:02:03.000Z');
    const { db, backupPath, migratedFrom, migratedTo } = openDatabase(file, { migrations: next, now });
    expect(migratedFrom).toBe(LATEST_VERSION);
    expect(migratedTo).toBe(LATEST_VERSION + 1);
    expect(backupPath).toBe(`${file}.backup-v${LATEST_VERSION}-2026-11-24T01-02-03-000Z`);
    expect(db.prepare(`SELECT value FROM cursors WHERE name = 'servicem8.company'`).pluck().get()).toBe('2026-11-01 09:00:00');
    db.close();

    const backup = new Database(backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare(`SELECT value FROM cursors`).pluck().get()).toBe('2026-11-01 09:00:00');
    expect(backup.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'notes'`).pluck().get()).toBe(0);
    backup.close();
  });

  it('rolls a failing migration back completely', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    Store.openFile(file).close();
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'broken', up: 'CREATE TABLE half (id INTEGER); INSERT INTO missing_table VALUES (1);' },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(
      /Migration \d+ \(broken\) failed and was rolled back: no such table: missing_table/,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file that is not a database, with a clear error, and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    const garbage = Buffer.from('this is not an SQLite database, it is a shopping list\n'.repeat(200));
    writeFileSync(file, garbage);
    expect(() => Store.openFile(file)).toThrow(StoreCorruptError);
    expect(() => Store.openFile(file)).toThrow(/is damaged .*left untouched/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual(['sm8sync.sqlite']);
  });

  it('detects a database whose pages were damaged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    const store = Store.openFile(file);
    store.transaction(() => {
      for (let i = 0; i < 400; i += 1)
        store.audit.append({
          direction: 'local',
          entity: 'client',
          operation: 'test',
          outcome: 'success',
          message: `row ${i} `.repeat(20),
        });
    });
    store.close();
    // Fold the WAL back so the damage hits the main file, then scribble over a b-tree page.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const rootPage = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'`).pluck().get() as number;
    db.close();
    const bytes = readFileSync(file);
    const start = (rootPage - 1) * pageSize;
    bytes.fill(0x7f, start, start + pageSize);
    writeFileSync(file, bytes);
    const before = readFileSync(file);
    expect(() => Store.openFile(file)).toThrow(StoreCorruptError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer version', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    Store.openFile(file).close();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => Store.openFile(file)).toThrow(StoreVersionError);
  });

  // Someone points --data-dir at another program's folder, or copies its file over ours.
  for (const [label, setup] of [
    [
      'schema version 0 with tables of its own',
      "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts VALUES (1, 'Ada');",
    ],
    [
      'a schema version of its own',
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices VALUES (1, 4200); PRAGMA user_version = 3;',
    ],
    ['a version beyond ours but none of our tables', 'CREATE TABLE t (a); PRAGMA user_version = 999;'],
  ] as const) {
    it(`refuses a SQLite file that is not ours (${label}) and leaves its bytes untouched`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'sm8sync.sqlite');
      const foreign = new Database(file);
      foreign.exec(setup);
      foreign.close();
      const before = readFileSync(file);
      expect(before.length).toBeGreaterThan(0);
      expect(() => Store.openFile(file)).toThrow(StoreForeignError);
      expect(() => Store.open(dir)).toThrow(/is not an sm8sync database .*left untouched/);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['sm8sync.sqlite']); // no backup, WAL or journal written beside it
    });
  }

  it('builds in an empty SQLite file (schema 0, no tables)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    const empty = new Database(file);
    empty.exec('CREATE TABLE scratch (a); DROP TABLE scratch;'); // a real SQLite file with a header, schema 0, no tables
    empty.close();
    expect(readFileSync(file).length).toBeGreaterThan(0);
    const store = Store.openFile(file);
    expect(store.cursors.get('servicem8.company')).toBeNull();
    store.close();
  });

  it('read-only: an in-memory copy that sees writes still in the WAL, takes writes, and never changes the files', () => {
    const dir = tempDir();
    const writer = Store.open(dir);
    writer.cursors.set('servicem8.company', '2026-11-01 09:00:00'); // stays in the WAL while the writer is open
    const copyDir = tempDir();
    for (const name of readdirSync(dir)) writeFileSync(path.join(copyDir, name), readFileSync(path.join(dir, name)));
    writer.close();
    expect(readFileSync(path.join(copyDir, 'sm8sync.sqlite-wal')).length).toBeGreaterThan(0);
    const before = Object.fromEntries(readdirSync(copyDir).map((name) => [name, readFileSync(path.join(copyDir, name))]));

    const reader = Store.open(copyDir, { readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.cursors.get('servicem8.company')).toBe('2026-11-01 09:00:00');
    reader.cursors.set('servicem8.company', '2030-01-01 00:00:00');
    expect(reader.cursors.get('servicem8.company')).toBe('2030-01-01 00:00:00');
    reader.close();
    const after = Object.fromEntries(readdirSync(copyDir).map((name) => [name, readFileSync(path.join(copyDir, name))]));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [name, bytes] of Object.entries(before)) expect(after[name]!.equals(bytes), name).toBe(true);
  });

  it('read-only: refuses a database that would need migrating, and a folder with no database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sm8sync.sqlite');
    Store.openFile(file).close();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'later', up: 'CREATE TABLE later (a);' }];
    expect(() => openDatabase(file, { migrations: next, readOnly: true })).toThrow(/needs upgrading .*write access/);
    expect(() => Store.open(tempDir(), { readOnly: true })).toThrow(/no sm8sync database in .* yet/);
  });
});
