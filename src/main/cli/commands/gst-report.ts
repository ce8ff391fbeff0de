// `sm8sync gst-report --month YYYY-MM`: the month-end GST mismatch CSV for the
// bookkeeper, written atomically (default <data dir>/reports/gst-YYYY-MM-<basis>.csv);
// prints its path, or with --json the file, the BAS totals per side and the rows.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { call } from '../../core/app/app-backend';
import { formatCents } from '../../core/money';
import { gstCsv, gstReportFileName } from '../../core/reports/gst';
import { output, parseChoiceFlag, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';

const dollars = (cents: number) => `$${formatCents(cents)}`;

export const gstReportCommand: Command = {
  name: 'gst-report',
  summary: 'writes the month-end GST mismatch CSV (default <data dir>/reports/gst-YYYY-MM-<basis>.csv) and prints its path',
  usage: 'sm8sync gst-report --month YYYY-MM [--basis accrual|cash] [--all] [--out FILE] [--json]',
  options: { month: { type: 'string' }, basis: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' } },
  async run(context, values) {
    const month = values.month;
    if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new UsageError(`--month must be a month as YYYY-MM (got ${JSON.stringify(month ?? '')})`);
    const basis = parseChoiceFlag('basis', values.basis, ['accrual', 'cash'] as const);
    if (values.out !== undefined && (typeof values.out !== 'string' || values.out.trim() === ''))
      throw new UsageError('--out needs a file name');
    const app = openCliApp(context, { looksOnly: true });
    try {
      const report = await call(app.backend, 'gstReport', { month, all: values.all === true, ...(basis ? { basis } : {}) });
      const file = path.resolve(
        typeof values.out === 'string' ? values.out : path.join(context.dataDir, 'reports', gstReportFileName(report.month, report.basis)),
      );
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, gstCsv(report.rows), { encoding: 'utf8', mode: 0o600 });
      renameSync(temporary, file);
      const { servicem8, stripe } = report.totals;
      output(context, { file, month: report.month, basis: report.basis, totals: { servicem8, stripe }, rows: report.rows }, () =>
        [
          file,
          `${report.month} (${report.basis} basis): ${report.rows.length} row(s)${values.all ? '' : ' that need a look'}.`,
          `ServiceM8: sales ${dollars(servicem8.salesCents)} (G1), GST ${dollars(servicem8.gstCents)} (1A)`,
          `Stripe:    sales ${dollars(stripe.salesCents)} (G1), GST ${dollars(stripe.gstCents)} (1A)`,
        ].join('\n'),
      );
      return 0;
    } finally {
      app.close();
    }
  },
};
