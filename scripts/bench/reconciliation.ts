// Reconciliation over 100,000 linked invoice pairs, each with a linked payment pair
// (200,000 invoices with a line each, 200,000 payments, 200,000 links) in a real SQLite
// file, a few hundred planted differences among them. The store is seeded by this
// process, then a fresh process opens it and runs reconciliation, so the peak RSS is
// reconciliation's own (goal < 3 s and < 300 MB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invoiceTotals } from '../../src/main/core/money';
import { runReconciliation } from '../../src/main/core/reports/reconciliation';
import { Store } from '../../src/main/core/store/store';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const PAIRS = Number(process.env.RECON_BENCH_PAIRS ?? 100_000);
const ZONE = 'Australia/Sydney';
const GOAL_MS = 3000;
const GOAL_RSS_MB = 300;

function seed(store: Store): void {
  store.transaction(() => {
    for (let n = 1; n <= PAIRS; n += 1) {
      const at = new Date(Date.parse('2026-01-01T00:00:00Z') + (n % 90) * 86_400_000 + (n % 86_400) * 1000).toISOString();
      const line = { amountCents: 5000 + (n % 997) * 13, rateBp: 1000, taxInclusive: true };
      const totals = invoiceTotals([line]);
      const lines = totals.lines.map((l) => ({
        quantity: '1',
        amountCents: l.amountCents,
        taxInclusive: l.taxInclusive,
        rateBp: l.rateBp,
        gstCents: l.gstCents,
        exCents: l.exCents,
        incCents: l.incCents,
      }));
      // Planted: every 1,000th Stripe total is a dollar more; every 997th payment is missing its partner's cent.
      const stripeTotal = n % 1000 === 0 ? totals.incCents + 100 : totals.incCents;
      const base = {
        status: 'paid' as const,
        gstCents: totals.gstCents,
        invoiceAt: at,
        amountPaidCents: totals.incCents,
        clientName: `Client ${n % 5000}`,
      };
      store.invoices.upsert(
        {
          ...base,
          side: 'servicem8',
          externalId: `job-${n}`,
          jobNumber: String(n),
          totalIncCents: totals.incCents,
          totalExCents: totals.exCents,
          otherSideId: `in_${n}`,
          lines,
        },
        ZONE,
      );
      store.invoices.upsert(
        {
          ...base,
          side: 'stripe',
          externalId: `in_${n}`,
          invoiceNumber: `INV-${n}`,
          totalIncCents: stripeTotal,
          totalExCents: stripeTotal - totals.gstCents,
          otherSideId: `job-${n}`,
          lines,
        },
        ZONE,
      );
      store.links.create({ entity: 'invoice', servicem8Id: `job-${n}`, stripeId: `in_${n}` });
      const paidAt = new Date(Date.parse(at) + 86_400_000).toISOString();
      store.payments.upsert(
        {
          side: 'servicem8',
          externalId: `pay-${n}`,
          kind: 'payment',
          status: 'succeeded',
          invoiceExternalId: `job-${n}`,
          amountCents: totals.incCents,
          paidAt,
          otherSideId: `ch_${n}`,
        },
        ZONE,
      );
      store.payments.upsert(
        {
          side: 'stripe',
          externalId: `ch_${n}`,
          kind: 'payment',
          status: 'succeeded',
          invoiceExternalId: `in_${n}`,
          amountCents: n % 997 === 0 ? totals.incCents - 1 : totals.incCents,
          paidAt,
          otherSideId: `pay-${n}`,
          feeCents: 120,
          feeGstCents: 11,
        },
        ZONE,
      );
      store.links.create({ entity: 'payment', servicem8Id: `pay-${n}`, stripeId: `ch_${n}` });
    }
  });
}

function measure(dir: string) {
  const store = Store.open(dir);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = runReconciliation(store, { settings: DEFAULT_SETTINGS, trigger: 'manual' });
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  store.close();
  // maxRSS is in kilobytes: the peak of this process, which did nothing but open the store and reconcile.
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      ms,
      cpuMs: Math.round((used.user + used.system) / 1000),
      rssMb,
      findings: report.findings.length,
      byKind: report.summary.byKind,
    }),
  );
}

if (process.argv[2] === '--measure') {
  measure(process.argv[3]!);
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-recon-'));
  try {
    const store = Store.open(dir);
    const seeded = performance.now();
    seed(store);
    const seedMs = Math.round(performance.now() - seeded);
    store.close();
    const runs = [0, 1, 2].map(() => {
      const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--measure', dir], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`the measuring process failed: ${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
        ms: number;
        cpuMs: number;
        rssMb: number;
        findings: number;
        byKind: Record<string, number>;
      };
    });
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const result = {
      bench: 'reconciliation',
      pairs: PAIRS,
      findings: runs[0]!.findings,
      byKind: runs[0]!.byKind,
      ms: median(runs.map((r) => r.ms)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      rssMb: Math.max(...runs.map((r) => r.rssMb)),
      seedMs,
      goalMs: GOAL_MS,
      goalRssMb: GOAL_RSS_MB,
      cores: os.cpus().length,
      loadAverage: os.loadavg()[0] ?? 0,
      ok: false,
    };
    result.ok = result.ms < GOAL_MS && result.rssMb < GOAL_RSS_MB;
    console.log(
      `Reconciliation of ${PAIRS} linked invoice pairs and ${PAIRS} linked payment pairs: ${result.ms} ms (CPU ${result.cpuMs} ms), peak RSS ${result.rssMb} MB, ${result.findings} findings; goal < ${GOAL_MS} ms and < ${GOAL_RSS_MB} MB; ${result.cores} cores, load ${result.loadAverage.toFixed(1)}`,
    );
    console.log(JSON.stringify(result));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
