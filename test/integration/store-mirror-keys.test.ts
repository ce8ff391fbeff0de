// Keyed reads of the mirror (migration 007): by ids and by key, the email key as
// matching compares emails (normaliseEmail: JavaScript's trim, lower case), each one
// answered from its index rather than a scan, and rows written before the migration
// found too (the indexes are over the record JSON, no backfill).
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/core/store/migrations/index';
import { openDatabase } from '../../src/main/core/store/open-database';
import { MIRROR_KEY_SQL } from '../../src/main/core/store/repositories/mirror-keys';
import { Store } from '../../src/main/core/store/store';
import { normaliseEmail } from '../../src/main/core/sync/normalise/email';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('keyed mirror reads', () => {
  it('finds records by ids and by job, company, email, cross-references and customer (or none), in id order', () => {
    const store = Store.open(tempDir());
    const put = (side: 'servicem8' | 'stripe', object: string, id: string, record: unknown) =>
      store.mirror.upsert({ side, object, id, record, editedAt: null, active: true });
    put('servicem8', 'jobmaterial', 'm2', { uuid: 'm2', jobUuid: 'job-a' });
    put('servicem8', 'jobmaterial', 'm1', { uuid: 'm1', jobUuid: 'job-a' });
    put('servicem8', 'jobmaterial', 'm3', { uuid: 'm3', jobUuid: 'job-b' });
    put('servicem8', 'companycontact', 'c1', { uuid: 'c1', companyUuid: 'co-1', email: '\u00a0 Ann@Example.COM.au\t\n' });
    put('servicem8', 'companycontact', 'c2', { uuid: 'c2', companyUuid: 'co-2', email: null });
    put('stripe', 'customer', 'cus_1', { id: 'cus_1', email: 'ann@example.com.au\u3000', metadata: { servicem8_uuid: 'co-1' } });
    put('stripe', 'customer', 'cus_2', { id: 'cus_2', email: 'bob@example.com.au', metadata: {} });

    const ids = (records: { id: string }[]) => records.map((r) => r.id);
    expect(ids(store.mirror.listByIds('servicem8', 'jobmaterial', ['m3', 'm1', 'nope', 'm1']))).toEqual(['m1', 'm3']);
    expect(ids(store.mirror.listByIds('servicem8', 'jobmaterial', []))).toEqual([]);
    expect(ids(store.mirror.listByKey('servicem8', 'jobmaterial', 'job', ['job-a']))).toEqual(['m1', 'm2']);
    expect(ids(store.mirror.listByKey('servicem8', 'companycontact', 'company', ['co-2', 'co-1']))).toEqual(['c1', 'c2']);
    const ann = normaliseEmail('\u00a0 Ann@Example.COM.au\t\n');
    expect(ann).toEqual({ ok: true, value: 'ann@example.com.au' });
    expect(ids(store.mirror.listByKey('servicem8', 'companycontact', 'email', ['ann@example.com.au']))).toEqual(['c1']);
    expect(ids(store.mirror.listByKey('stripe', 'customer', 'email', ['ann@example.com.au']))).toEqual(['cus_1']);
    expect(ids(store.mirror.listByKey('stripe', 'customer', 'xref', ['co-1']))).toEqual(['cus_1']);
    put('stripe', 'invoice', 'in_2', { id: 'in_2', customerId: 'cus_1', metadata: {} });
    put('stripe', 'invoice', 'in_1', { id: 'in_1', customerId: null, metadata: { servicem8_job_uuid: 'job-a' } });
    put('stripe', 'invoice', 'in_3', { id: 'in_3', customerId: 'cus_2', metadata: { servicem8_job_uuid: 'job-b' } });
    expect(ids(store.mirror.listByKey('stripe', 'invoice', 'jobXref', ['job-b']))).toEqual(['in_3']);
    expect(ids(store.mirror.listByKey('stripe', 'invoice', 'customer', ['cus_1']))).toEqual(['in_2']);
    expect(ids(store.mirror.listByKey('stripe', 'invoice', 'customer', ['cus_1'], { withoutKey: true }))).toEqual(['in_1', 'in_2']);
    // More ids than one statement binds: read in chunks, still each once and in order.
    for (let n = 0; n < 1200; n += 1) put('servicem8', 'job', `j${String(n).padStart(4, '0')}`, { uuid: `j${n}` });
    const many = Array.from({ length: 1200 }, (_, n) => `j${String(1199 - n).padStart(4, '0')}`);
    expect(ids(store.mirror.listByIds('servicem8', 'job', many))).toEqual([...many].reverse());
    store.close();
  });

  it('answers each key from its index, not a scan of the mirror', () => {
    const dir = tempDir();
    Store.open(dir).close();
    const db = new Database(path.join(dir, 'sm8sync.sqlite'), { readonly: true });
    for (const [key, expression] of Object.entries(MIRROR_KEY_SQL)) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM mirror WHERE side = ? AND object = ? AND ${expression} IN (?, ?)`)
        .all('servicem8', 'x', 'a', 'b') as { detail: string }[];
      expect(plan.map((p) => p.detail).join('; '), key).toContain(`USING INDEX mirror_by_${key}`);
    }
    db.close();
  });

  it('finds rows written before migration 007 (the indexes are built over them)', () => {
    const file = path.join(tempDir(), 'sm8sync.sqlite');
    const { db } = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 7) });
    db.prepare(
      `INSERT INTO mirror (side, object, id, record_json, edited_at, active, fetched_at) VALUES ('servicem8', 'jobmaterial', 'm1', ?, NULL, 1, '2026-11-01T00:00:00Z')`,
    ).run(JSON.stringify({ uuid: 'm1', jobUuid: 'job-a' }));
    db.close();
    const store = Store.openFile(file);
    expect(store.mirror.listByKey('servicem8', 'jobmaterial', 'job', ['job-a']).map((r) => r.id)).toEqual(['m1']);
    store.close();
  });
});
