import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defuseCell, excelCsv } from '../../src/main/core/util/excel-csv';

describe('CSV for Excel', () => {
  it('quotes a cell holding a bare LF or CR, so a line break can never start a row (or a formula cell)', () => {
    const csv = excelCsv(
      ['name', 'amount'],
      [
        [defuseCell('Smith Plumbing\n=1+1'), '12.00'],
        [defuseCell('Acme\rPty'), '-5.00'],
        [defuseCell(' padded '), '0.00'],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Smith Plumbing\n=1+1",12.00\r\n');
    expect(csv).toContain('"Acme\rPty",-5.00\r\n');
    // An independent parser reads exactly three records back, every cell unchanged, amounts unquoted.
    const records: string[][] = parse(csv.slice(1), { record_delimiter: '\r\n' });
    expect(records).toEqual([
      ['name', 'amount'],
      ['Smith Plumbing\n=1+1', '12.00'],
      ['Acme\rPty', '-5.00'],
      [' padded ', '0.00'],
    ]);
  });

  it('defuses text a spreadsheet would run, and leaves other text alone', () => {
    for (const cell of ['=HYPERLINK("x")', '+1', '-5 apples', '@SUM(A1)', '\tx', '\rx']) expect(defuseCell(cell)).toBe(`'${cell}`);
    for (const cell of ['Harbour Plumbing', "O'Brien", '']) expect(defuseCell(cell)).toBe(cell);
  });
});
