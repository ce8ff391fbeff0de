// Every CSV the app writes (the activity export and the GST report; reconciliation has no
// CSV) built from random rows full of hostile text, then read back by csv-parse: the header is
// the documented one, every text cell comes back as written except that a cell a spreadsheet
// would run as a formula gains a leading apostrophe, and amount cells are plain two-place
// decimals that read back as the exact cents (negatives included).
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityCsv } from '../../src/main/core/app/activity-csv';
import { gstCsv } from '../../src/main/core/reports/gst/gst-csv';
import { GST_STATUSES, type GstRow } from '../../src/main/core/reports/gst/gst-types';
import type { ActivityEntry } from '../../src/shared/api';
import { fuzzRuns } from '../helpers/fuzz';
import { hostileText } from '../helpers/fuzz-values';
import { oracleCents } from '../helpers/money-oracle';

const SEED = 20261203;
const RUNS = 120;
const FORMULA_START = /^[=+\-@\t\r]/;
const AMOUNT = /^-?\d+\.\d{2}$/;

/** The file as Excel sees it: a BOM, then RFC 4180 records with CRLF. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = parse(csv, { bom: true, record_delimiter: '\r\n', relax_column_count: false });
  return records;
}

/**
 * What a cell holding `text` must read back as: the text, defused when a spreadsheet would run
 * it, as UTF-8 holds it (a lone surrogate half cannot be encoded and reads back as U+FFFD).
 */
const written = (text: string) => Buffer.from(FORMULA_START.test(text) ? `'${text}` : text, 'utf8').toString('utf8');

const maybeText = fc.option(hostileText, { nil: null });
const cents = fc.option(
  fc.oneof(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), fc.constantFrom(0, -1, -5, -1250, 1250, 99, -99)),
  {
    nil: null,
  },
);

describe('CSV exports read back by an independent parser', () => {
  it('GST report: the README header, text cells unchanged or defused, amounts exact numbers', () => {
    // The contract is the README's list, not the code's constant.
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const listed = /The CSV's columns, in order:\s*`([^`]+)`/.exec(readme)![1]!.split(/,\s*/);
    const row: fc.Arbitrary<GstRow> = fc.record({
      period: hostileText,
      basis: fc.constantFrom('accrual' as const, 'cash' as const),
      status: fc.constantFrom(...GST_STATUSES),
      reason: hostileText,
      servicem8JobNumber: maybeText,
      servicem8JobUuid: maybeText,
      servicem8InvoiceDate: maybeText,
      stripeInvoiceId: maybeText,
      stripeInvoiceNumber: maybeText,
      stripeInvoiceDate: maybeText,
      paymentDate: maybeText,
      clientName: maybeText,
      clientAbn: maybeText,
      servicem8TotalInc: cents,
      servicem8TotalEx: cents,
      servicem8Gst: cents,
      stripeTotalInc: cents,
      stripeTotalEx: cents,
      stripeGst: cents,
      differenceTotal: cents,
      differenceGst: cents,
      servicem8Rounding: fc.constantFrom('per_line' as const, 'per_invoice' as const, 'either' as const, 'neither' as const, null),
      stripeRounding: fc.constantFrom('per_line' as const, 'per_invoice' as const, 'either' as const, 'neither' as const, null),
      stripeFee: cents,
      stripeFeeGst: cents,
      payoutId: maybeText,
      needsBuyerAbn: fc.boolean(),
      lastSyncedAt: maybeText,
    });
    const AMOUNT_KEYS = new Set([
      'servicem8_total_inc',
      'servicem8_total_ex',
      'servicem8_gst',
      'stripe_total_inc',
      'stripe_total_ex',
      'stripe_gst',
    ]);
    for (const k of ['difference_total', 'difference_gst', 'stripe_fee', 'stripe_fee_gst']) AMOUNT_KEYS.add(k);
    const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    let negatives = 0;
    let defused = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 4 }), (rows) => {
        const [header, ...records] = readBack(gstCsv(rows));
        expect(header).toEqual(listed);
        expect(records).toHaveLength(rows.length);
        for (const [i, record] of records.entries()) {
          const source = rows[i]! as unknown as Record<string, unknown>;
          for (const [j, column] of listed.entries()) {
            const value = source[camel(column).replace('Servicem8', 'servicem8')];
            const cell = record[j]!;
            if (AMOUNT_KEYS.has(column)) {
              if (value === null) expect(cell).toBe('');
              else {
                expect(cell).toMatch(AMOUNT); // a number to Excel, never a defused text
                expect(oracleCents(cell)).toBe(BigInt(value as number));
                if ((value as number) < 0) negatives += 1;
              }
            } else if (column === 'needs_buyer_abn') expect(cell).toBe(value ? 'yes' : 'no');
            else {
              expect(cell).toBe(value === null ? '' : written(value as string));
              if (FORMULA_START.test(value as string)) defused += 1;
            }
          }
        }
      }),
      fuzzRuns(RUNS, SEED),
    );
    expect(negatives).toBeGreaterThan(0);
    expect(defused).toBeGreaterThan(0);
  });

  it('activity: the name column and readable values; every cell unchanged or defused; no live formula', () => {
    const entry: fc.Arbitrary<ActivityEntry> = fc.record({
      id: fc.nat(),
      at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
      direction: fc.constantFrom('servicem8_to_stripe' as const, 'stripe_to_servicem8' as const, 'local' as const),
      entity: fc.constantFrom('client', 'invoice', 'payment'),
      operation: fc.constantFrom('create_customer', 'update_company', 'pay_invoice'),
      servicem8Id: maybeText,
      stripeId: maybeText,
      before: fc.option(fc.dictionary(fc.constantFrom('name', 'phone', 'email', 'amount'), fc.oneof(hostileText, fc.integer())), {
        nil: null,
      }),
      after: fc.oneof(hostileText, fc.constant(null)),
      outcome: fc.constantFrom('success' as const, 'failed' as const, 'skipped' as const),
      message: maybeText,
      name: maybeText,
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const [header, ...records] = readBack(activityCsv(entries, 'Australia/Sydney'));
        expect(header).toEqual([
          'Time',
          'Name',
          'What happened',
          'Outcome',
          'Direction',
          'Record type',
          'Before',
          'After',
          'ServiceM8 ID',
          'Stripe ID',
        ]);
        expect(records).toHaveLength(entries.length);
        for (const [i, record] of records.entries()) {
          const e = entries[i]!;
          expect(record).toHaveLength(10);
          for (const cell of record)
            if (FORMULA_START.test(cell)) throw new Error(`live formula cell: ${JSON.stringify(cell.slice(0, 40))}`);
          expect(record[1]).toBe(written(e.name ?? ''));
          expect(record[2]).toBe(written(e.message ?? e.operation.replaceAll('_', ' ')));
          expect(record[7]).toBe(written((e.after as string | null) ?? ''));
          expect(record[8]).toBe(written(e.servicem8Id ?? ''));
          expect(record[9]).toBe(written(e.stripeId ?? ''));
          expect(record[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+1[01]:00$/);
        }
      }),
      fuzzRuns(RUNS, SEED + 1),
    );
  });
});
