// The app's reconciliation calls over the validating backend: a run after every sync
// that wrote (not after a dry run), the event each run emits, the stored history, the
// GST report and its CSV through the API, and a refusal while a sync holds the folder.
import { describe, expect, it } from 'vitest';
import { call, createBackend, EventHub } from '../../src/main/core/app/app-backend';
import { createAppService } from '../../src/main/core/app/app-service';
import { settingsFilePort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { FileCycleLock } from '../../src/main/core/sync/engine/cycle-lock';
import { FakeRunner, FakeTester } from '../helpers/fake-ports';
import { inc, seedInvoice } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const clock = () => new Date('2026-04-01T08:00:00.000Z');
  const store = Store.open(dir, { clock });
  const runner = new FakeRunner();
  const tester = new FakeTester();
  const events = new EventHub();
  const seen: { event: string; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const secrets = new MemorySecretStore({ 'servicem8.apiKey': 'smk-goodkey-123456', 'stripe.apiKey': 'rk_test_goodkey123456' });
  const service = createAppService({
    store,
    settings: settingsFilePort(new SettingsFile(dir)),
    secrets,
    runner,
    connections: tester,
    events,
    clock,
  });
  store.invoices.upsert(
    seedInvoice({ side: 'servicem8', externalId: 'job-1', jobNumber: '1', invoiceAt: '2026-03-10T01:00:00Z' }, [inc(11000)]),
    'Australia/Sydney',
  );
  return { dir, store, runner, seen, backend: createBackend(service, events) };
}

describe('app: reconciliation and the GST report', () => {
  it('reconciles after a completed sync, not after a dry run, and emits an event each time', async () => {
    const { backend, store, seen } = setup();
    await call(backend, 'syncNow', { dryRun: true });
    expect(seen.filter((e) => e.event === 'reconciliation')).toHaveLength(0);
    await call(backend, 'syncNow', {});
    const events = seen.filter((e) => e.event === 'reconciliation').map((e) => e.payload);
    expect(events).toEqual([{ reportId: expect.any(Number), trigger: 'sync', findings: 1, newFindings: 1, newNeedingPerson: 1 }]);
    const manual = await call(backend, 'runReconciliation', {});
    expect(manual.findings.map((f) => [f.kind, f.isNew])).toEqual([['missing_in_stripe', false]]);
    const overview = await call(backend, 'getReconciliation', {});
    expect(overview.latest?.reportId).toBe(manual.reportId);
    expect(overview.history.map((h) => h.summary.trigger)).toEqual(['manual', 'sync']);
    expect(await backend.invoke('getReconciliation', { reportId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    store.close();
  });

  it('does not reconcile again after an idle sync (nothing read or written), and does after one that read a change', async () => {
    const { backend, store, seen, runner } = setup();
    const reconciled = () => seen.filter((e) => e.event === 'reconciliation').length;
    await call(backend, 'syncNow', {});
    expect(reconciled()).toBe(1); // the first report is made even by an idle sync
    await call(backend, 'syncNow', {});
    expect(reconciled()).toBe(1);
    const zero = { servicem8: 0, stripe: 0 };
    runner.entities = [
      {
        entity: 'invoice',
        pulled: { servicem8: 1, stripe: 0 },
        created: zero,
        updated: zero,
        linked: 0,
        conflicts: 0,
        quarantined: 0,
        failed: 0,
      },
    ];
    await call(backend, 'syncNow', {});
    expect(reconciled()).toBe(2);
    store.close();
  });

  it('refuses to run while another process syncs the folder', async () => {
    const { backend, dir, store } = setup();
    const lock = new FileCycleLock(dir);
    expect(lock.acquire()).toBeNull();
    try {
      expect(await backend.invoke('runReconciliation', {})).toMatchObject({ ok: false, error: { code: 'busy' } });
    } finally {
      lock.release();
    }
    expect(await backend.invoke('runReconciliation', {})).toMatchObject({ ok: true });
    store.close();
  });

  it('gstReport and exportGstCsv: the basis defaults to the setting; bad months are refused', async () => {
    const { backend, store } = setup();
    const report = await call(backend, 'gstReport', { month: '2026-03' });
    expect(report).toMatchObject({ month: '2026-03', basis: 'accrual', totals: { servicem8: { salesCents: 11000, gstCents: 1000 } } });
    expect(report.rows.map((r) => r.status)).toEqual(['missing_in_stripe']);
    const csv = await call(backend, 'exportGstCsv', { month: '2026-03', basis: 'cash', all: true });
    expect(csv.filename).toBe('gst-2026-03-cash.csv');
    expect(csv.csv.startsWith('\uFEFFperiod,basis,status,')).toBe(true);
    expect(await backend.invoke('gstReport', { month: '2026-3' })).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    store.close();
  });
});
