// `sm8sync reconcile` and `sm8sync gst-report` through the CLI's own entry (in process):
// the exact --json shapes, new vs seen findings, the default report path, the CSV's
// bytes (BOM, CRLF) and clear usage errors.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { GST_CSV_COLUMNS } from '../../src/main/core/reports/gst';
import { Store } from '../../src/main/core/store/store';
import { inc, seedInvoice } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ZONE = 'Australia/Sydney';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(args, { env: { HOME: '/tmp' }, stdout, stderr, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

function seeded(): string {
  const dir = tempDir();
  const store = Store.open(dir);
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'servicem8',
        externalId: 'job-1',
        jobNumber: '1',
        clientName: '=Evil Pty',
        otherSideId: 'in_1',
        invoiceAt: '2026-03-10T01:00:00Z',
      },
      [inc(11000)],
    ),
    ZONE,
  );
  store.invoices.upsert(
    seedInvoice({ side: 'stripe', externalId: 'in_1', invoiceNumber: 'INV-1', otherSideId: 'job-1', invoiceAt: '2026-03-10T01:00:00Z' }, [
      inc(12100),
    ]),
    ZONE,
  );
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'servicem8',
        externalId: 'job-2',
        jobNumber: '2',
        clientName: 'Fine Pty',
        otherSideId: 'in_2',
        invoiceAt: '2026-03-11T01:00:00Z',
      },
      [inc(5000)],
    ),
    ZONE,
  );
  store.invoices.upsert(
    seedInvoice({ side: 'stripe', externalId: 'in_2', invoiceNumber: 'INV-2', otherSideId: 'job-2', invoiceAt: '2026-03-11T01:00:00Z' }, [
      inc(5000),
    ]),
    ZONE,
  );
  store.links.create({ entity: 'invoice', servicem8Id: 'job-1', stripeId: 'in_1' });
  store.links.create({ entity: 'invoice', servicem8Id: 'job-2', stripeId: 'in_2' });
  store.close();
  return dir;
}

describe('sm8sync reconcile', () => {
  it('--json prints {reportId, startedAt, finishedAt, findings}; a second run marks the same finding as seen', async () => {
    const dir = seeded();
    const first = await cli(['reconcile', '--json', '--data-dir', dir]);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['reportId', 'startedAt', 'finishedAt', 'findings']);
    expect(report.findings).toHaveLength(1);
    expect(Object.keys(report.findings[0]!)).toEqual([
      'kind',
      'entity',
      'servicem8Id',
      'stripeId',
      'title',
      'detail',
      'firstSeenAt',
      'isNew',
    ]);
    expect(report.findings[0]).toMatchObject({
      kind: 'total_mismatch',
      entity: 'invoice',
      servicem8Id: 'job-1',
      stripeId: 'in_1',
      title: '=Evil Pty, job 1 / Stripe invoice INV-1',
      isNew: true,
    });
    const second = JSON.parse((await cli(['reconcile', '--json', '--data-dir', dir])).stdout) as typeof report;
    expect(second.reportId).toBe((report.reportId as number) + 1);
    expect(second.findings[0]).toMatchObject({ isNew: false, firstSeenAt: report.findings[0]!.firstSeenAt });
    const text = await cli(['reconcile', '--data-dir', dir]);
    // In words, with the time in the business zone (not the ISO instant the JSON carries).
    expect(text.stdout).toMatch(/^Reconciliation #3: 1 finding\(s\), 0 new\.\n {4}Totals differ \(invoice\): =Evil Pty, job 1/);
    expect(text.stdout).not.toContain(report.findings[0]!.firstSeenAt as string);
    expect(text.stdout).toMatch(/\(since \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m \w+\)\nTimes are in Australia\/Sydney\.$/m);
  });
});

describe('sm8sync gst-report', () => {
  it('writes <data dir>/reports/gst-YYYY-MM-<basis>.csv and prints {file, month, basis, totals, rows}', async () => {
    const dir = seeded();
    const result = await cli(['gst-report', '--month', '2026-03', '--json', '--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      file: string;
      totals: unknown;
      rows: { status: string; servicem8TotalInc: number }[];
    } & Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['file', 'month', 'basis', 'totals', 'rows']);
    expect(printed.file).toBe(path.join(dir, 'reports', 'gst-2026-03-accrual.csv'));
    expect(printed.totals).toEqual({ servicem8: { salesCents: 16000, gstCents: 1455 }, stripe: { salesCents: 17100, gstCents: 1555 } });
    expect(printed.rows.map((r) => [r.status, r.servicem8TotalInc])).toEqual([['total_differs', 11000]]); // matched rows only with --all
    const bytes = readFileSync(printed.file, 'utf8');
    expect(bytes.startsWith('\uFEFF' + GST_CSV_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(bytes).toContain(",'=Evil Pty,");

    const all = await cli([
      'gst-report',
      '--month',
      '2026-03',
      '--basis',
      'cash',
      '--all',
      '--out',
      path.join(dir, 'x', 'march.csv'),
      '--data-dir',
      dir,
    ]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.split('\n')[0]).toBe(path.join(dir, 'x', 'march.csv'));
    expect(existsSync(path.join(dir, 'x', 'march.csv'))).toBe(true);
  });

  it('refuses a bad month or basis with the usage, exit 2', async () => {
    const dir = seeded();
    for (const args of [['--month', '2026-13'], ['--month', '2026-03', '--basis', 'weekly'], []]) {
      const result = await cli(['gst-report', ...args, '--data-dir', dir]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--month must be a month as YYYY-MM|--basis must be one of accrual, cash/);
    }
  });
});
