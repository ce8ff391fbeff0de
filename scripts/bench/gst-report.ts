// The GST report over a month of 10,000 ServiceM8 jobs, each with its Stripe invoice
// (20,000 invoices, 40,000 lines, 20,000 payments) in a real SQLite file: the time to
// build the report from the typed tables and render the CSV, for both bases.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invoiceTotals, type TaxedLine } from '../../src/main/core/money';
import { buildGstReport, gstCsv, type GstBasis } from '../../src/main/core/reports/gst';
import type { InvoiceInput } from '../../src/main/core/store/repositories/invoices-repository';
import { Store } from '../../src/main/core/store/store';

const JOBS = Number(process.env.GST_BENCH_JOBS ?? 10_000);
const ZONE = 'Australia/Sydney';
const GOAL_MS = 1000;

function invoice(side: 'servicem8' | 'stripe', n: number, lines: TaxedLine[], at: string): InvoiceInput {
  const totals = invoiceTotals(lines);
  const sm8 = side === 'servicem8';
  return {
    side,
    externalId: sm8 ? `job-${n}` : `in_${n}`,
    jobUuid: sm8 ? `job-${n}` : null,
    jobNumber: sm8 ? String(n) : null,
    invoiceNumber: sm8 ? null : `INV-${n}`,
    clientName: n % 97 === 0 ? null : `Client ${n % 1500}`,
    status: 'paid',
    totalIncCents: totals.incCents,
    totalExCents: totals.exCents,
    gstCents: totals.gstCents,
    invoiceAt: at,
    otherSideId: n % 50 === 0 ? null : sm8 ? `in_${n}` : `job-${n}`,
    lines: totals.lines.map((line) => ({ quantity: '1', ...line, exactGst: undefined })),
  };
}

function seed(store: Store): void {
  store.transaction(() => {
    for (let n = 1; n <= JOBS; n += 1) {
      const at = new Date(Date.parse('2026-02-28T13:00:00Z') + (n % 31) * 86_400_000 + (n % 86_400) * 1000).toISOString();
      const lines: TaxedLine[] = [
        { amountCents: 5000 + (n % 997) * 13, rateBp: 1000, taxInclusive: n % 3 !== 0 },
        { amountCents: 1600 + (n % 89), rateBp: n % 11 === 0 ? 0 : 1000, taxInclusive: true },
      ];
      const sm8 = invoice('servicem8', n, lines, at);
      store.invoices.upsert(sm8, ZONE);
      if (n % 40 !== 0)
        store.invoices.upsert(
          invoice('stripe', n, n % 300 === 0 ? [{ ...lines[0]!, amountCents: lines[0]!.amountCents + 1 }, lines[1]!] : lines, at),
          ZONE,
        );
      const paidAt = new Date(Date.parse(at) + 3 * 86_400_000).toISOString();
      store.payments.upsert(
        {
          side: 'servicem8',
          externalId: `pay-${n}`,
          kind: 'payment',
          status: 'succeeded',
          invoiceExternalId: `job-${n}`,
          amountCents: sm8.totalIncCents,
          paidAt,
        },
        ZONE,
      );
      if (n % 40 !== 0) {
        store.payments.upsert(
          {
            side: 'stripe',
            externalId: `ch_${n}`,
            kind: 'payment',
            status: 'succeeded',
            invoiceExternalId: `in_${n}`,
            amountCents: sm8.totalIncCents,
            feeCents: 200,
            feeGstCents: 18,
            payoutId: `po_${n % 20}`,
            paidAt,
          },
          ZONE,
        );
      }
    }
  });
}

function time(store: Store, basis: GstBasis): { ms: number; cpuMs: number; rows: number; csvBytes: number } {
  // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = buildGstReport(store, { month: '2026-03', basis, zone: ZONE, all: true });
  const csv = gstCsv(report.rows);
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
    rows: report.rows.length,
    csvBytes: Buffer.byteLength(csv),
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-gst-'));
try {
  const store = Store.open(dir);
  const seeded = performance.now();
  seed(store);
  const seedMs = Math.round(performance.now() - seeded);
  time(store, 'accrual'); // warm-up: statement cache and JIT
  const runs = { accrual: [0, 1, 2].map(() => time(store, 'accrual')), cash: [0, 1, 2].map(() => time(store, 'cash')) };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const accrualMs = median(runs.accrual.map((r) => r.ms));
  const cashMs = median(runs.cash.map((r) => r.ms));
  const accrualCpuMs = median(runs.accrual.map((r) => r.cpuMs));
  const cashCpuMs = median(runs.cash.map((r) => r.cpuMs));
  store.close();
  const result = {
    bench: 'gst-report',
    jobs: JOBS,
    rows: runs.accrual[0]!.rows,
    csvBytes: runs.accrual[0]!.csvBytes,
    accrualMs,
    cashMs,
    accrualCpuMs,
    cashCpuMs,
    seedMs,
    loadAverage: os.loadavg()[0] ?? 0,
    goalMs: GOAL_MS,
    cores: os.cpus().length,
    ok: accrualMs < GOAL_MS && cashMs < GOAL_MS,
  };
  console.log(
    `GST report, ${JOBS} jobs (${result.rows} rows): accrual ${accrualMs} ms (CPU ${accrualCpuMs} ms), cash ${cashMs} ms (CPU ${cashCpuMs} ms); goal < ${GOAL_MS} ms; ${result.cores} cores, load ${result.loadAverage.toFixed(1)}`,
  );
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
