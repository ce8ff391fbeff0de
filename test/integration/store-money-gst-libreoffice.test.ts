// The GST CSV opened by a real spreadsheet: LibreOffice Calc (headless) imports it as
// UTF-8 CSV and saves it as flat ODS XML, which says each cell's type. Amounts must be
// numbers, defused text must stay text (apostrophe kept, no formula), dates ISO dates.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GST_CSV_COLUMNS, writeGstReport } from '../../src/main/core/reports/gst';
import { Store } from '../../src/main/core/store/store';
import { inc, seedInvoice } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SYDNEY = 'Australia/Sydney';
const LIBREOFFICE = ['libreoffice', 'soffice'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);
const AMOUNT_COLUMNS = new Set(
  [
    'servicem8_total_inc',
    'servicem8_total_ex',
    'servicem8_gst',
    'stripe_total_inc',
    'stripe_total_ex',
    'stripe_gst',
    'difference_total',
    'difference_gst',
    'stripe_fee',
    'stripe_fee_gst',
  ].map((c) => GST_CSV_COLUMNS.indexOf(c as never)),
);
const DATE_COLUMNS = new Set(
  ['servicem8_invoice_date', 'stripe_invoice_date', 'payment_date'].map((c) => GST_CSV_COLUMNS.indexOf(c as never)),
);

interface Cell {
  type: string | null;
  value: string | null;
  text: string;
}

const decode = (xml: string) =>
  xml
    .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
    .replace(/<text:s\/>/g, ' ')
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Rows of cells from a flat ODS file: type, value and shown text per cell. */
function readFods(xml: string): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: Cell[] = [];
    for (const cell of row[1]!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = cell[1]!;
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const type = /office:value-type="([^"]+)"/.exec(attrs)?.[1] ?? null;
      const value = /office:(?:date-)?value="([^"]+)"/.exec(attrs)?.[1] ?? null;
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => decode(p[1]!));
      for (let i = 0; i < Math.min(repeat, 64); i += 1) cells.push({ type, value, text: paragraphs.join('\n') });
    }
    rows.push(cells);
  }
  return rows;
}

describe('GST CSV in LibreOffice Calc', () => {
  it.skipIf(!LIBREOFFICE)(
    `opens with numeric amounts, ISO dates and defused text${LIBREOFFICE ? '' : ' (SKIPPED: libreoffice not found; apt-get install -y --no-install-recommends libreoffice-calc)'}`,
    () => {
      const dir = tempDir();
      const store = Store.open(dir, { clock: () => new Date('2026-04-02T00:00:00.000Z') });
      const names = ['=1+2', '-Dash Co', '+61 Plumbing', '@SUM(A1)', '\tTabbed', 'Comma, "Quote" & Co', 'Ünïcödé Électricité'];
      names.forEach((clientName, i) =>
        store.invoices.upsert(
          seedInvoice({ side: 'servicem8', externalId: `job-${i}`, jobNumber: `J${i}`, clientName, invoiceAt: '2026-03-10T01:00:00Z' }, [
            inc(123450 - i * 1000),
          ]),
          SYDNEY,
        ),
      );
      store.invoices.upsert(
        seedInvoice({ side: 'servicem8', externalId: 'credit', jobNumber: 'CR', otherSideId: 'in_cr', invoiceAt: '2026-03-11T01:00:00Z' }, [
          inc(-1200),
        ]),
        SYDNEY,
      );
      store.invoices.upsert(
        seedInvoice(
          { side: 'stripe', externalId: 'in_cr', otherSideId: 'credit', invoiceNumber: 'CR-1', invoiceAt: '2026-03-11T01:00:00Z' },
          [inc(-1100)],
        ),
        SYDNEY,
      );
      const csvFile = path.join(dir, 'gst.csv');
      writeGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY, file: csvFile });
      store.close();

      const profile = `file://${path.join(dir, 'lo-profile')}`;
      execFileSync(
        LIBREOFFICE!,
        [`-env:UserInstallation=${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', dir, csvFile],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const sheet = readFods(readFileSync(path.join(dir, 'gst.fods'), 'utf8'));
      const csv: string[][] = parse(readFileSync(csvFile, 'utf8'), { bom: true });
      expect(sheet[0]!.map((cell) => cell.text)).toEqual([...GST_CSV_COLUMNS]);
      expect(sheet).toHaveLength(csv.length);
      let amounts = 0;
      for (let r = 1; r < csv.length; r += 1) {
        csv[r]!.forEach((expected, c) => {
          const cell = sheet[r]![c] ?? { type: null, value: null, text: '' };
          if (expected === '') return expect(cell.type, `row ${r} ${GST_CSV_COLUMNS[c]}`).toBeNull();
          if (AMOUNT_COLUMNS.has(c)) {
            amounts += 1;
            expect(cell.type, `row ${r} ${GST_CSV_COLUMNS[c]}`).toBe('float');
            return expect(Number(cell.value)).toBe(Number(expected));
          }
          if (DATE_COLUMNS.has(c)) {
            expect(cell.type).toBe('date');
            return expect(cell.value).toBe(expected);
          }
          if (GST_CSV_COLUMNS[c] === 'last_synced_at') return expect(cell.text).toBe(expected);
          expect(cell.type, `row ${r} ${GST_CSV_COLUMNS[c]}: ${expected}`).toBe('string');
          expect(cell.text).toBe(expected);
        });
      }
      expect(amounts).toBe(names.length * 3 + 8); // ServiceM8-only rows: 3 amounts; the linked credit: 8
      const clientNames = sheet.slice(1).map((row) => row[GST_CSV_COLUMNS.indexOf('client_name')]!.text);
      expect(clientNames).toEqual(
        expect.arrayContaining([
          "'=1+2",
          "'-Dash Co",
          "'+61 Plumbing",
          "'@SUM(A1)",
          "'\tTabbed",
          'Comma, "Quote" & Co',
          'Ünïcödé Électricité',
        ]),
      );
    },
    180_000,
  );
});
