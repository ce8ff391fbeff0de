// CSV the way Excel and LibreOffice read it safely: UTF-8 with a BOM, RFC 4180 with CRLF
// between records, every cell holding a line break (CR or LF, alone or as CRLF) or edge
// spaces quoted — an unquoted LF would start a new row, and that row's first cell could be
// a live formula — and text cells that a spreadsheet would run as a formula (= + - @, tab,
// CR at the start) defused with a leading apostrophe (CWE-1236). Amounts are passed as
// they are, so "-12.00" stays a number.
import { stringify } from 'csv-stringify/sync';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula injection in a text cell: "=cmd|…" stays text. */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function excelCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + stringify([[...header], ...rows.map((r) => [...r])], { record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] });
}
