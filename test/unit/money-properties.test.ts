// Property tests of the money layer against an exact oracle (test/helpers/rational-oracle)
// that shares no code with src/main/core/money.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyGstDifference,
  invoiceTotals,
  isLegalGst,
  lineAmountCents,
  lineGst,
  MoneyPrecisionError,
  parseCents,
  rational,
  roundingMethodOf,
  serviceM8LineAmountCents,
  type TaxedLine,
} from '../../src/main/core/money';
import { dollars, q, qAdd, qDecimal, qLegalCents, qMul, qNearIntegers, qRound, type Q } from '../helpers/rational-oracle';

const RUNS = { numRuns: 400 };

/** A decimal string with up to `places` decimals, e.g. "-12.034". */
const decimalText = (maxWhole: number, places: number, signed = true) =>
  fc.tuple(fc.integer({ min: signed ? -maxWhole : 0, max: maxWhole }), fc.integer({ min: 0, max: places })).map(([units, scale]) => {
    const negative = units < 0;
    const digits = String(Math.abs(units)).padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative ? `-${text}` : text;
  });

const rateBp = fc.oneof(fc.constant(1000), fc.constant(0), fc.integer({ min: 0, max: 5000 }));
const taxedLine: fc.Arbitrary<TaxedLine> = fc.record({
  amountCents: fc.integer({ min: -500_000, max: 5_000_000 }),
  rateBp,
  taxInclusive: fc.boolean(),
});

const exactGst = (line: TaxedLine): Q =>
  qMul(q(line.amountCents), line.taxInclusive ? q(line.rateBp, 10_000 + line.rateBp) : q(line.rateBp, 10_000));

/** Oracle: every GST the two legal methods can produce (per line: each line to the nearest cent, ties up; per invoice: the total so). */
function legalSet(lines: readonly TaxedLine[]): Set<bigint> {
  let sums = new Set<bigint>([0n]);
  let total: Q = q(0);
  for (const line of lines) {
    const options = qLegalCents(exactGst(line));
    const next = new Set<bigint>();
    for (const sum of sums) for (const option of options) next.add(sum + option);
    sums = next;
    total = qAdd(total, exactGst(line));
  }
  for (const k of qLegalCents(total)) sums.add(k);
  return sums;
}

describe('money properties (exact oracle)', () => {
  it('parseCents reads any whole-cent amount exactly, with or without trailing zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 0, max: 3 }), (cents, zeros) => {
        expect(parseCents(dollars(cents, zeros))).toBe(Number(cents));
      }),
      RUNS,
    );
  });

  it('parseCents refuses a third significant decimal instead of rounding it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 1, max: 9 }), (cents, digit) => {
        expect(() => parseCents(`${dollars(cents)}${digit}`)).toThrow(MoneyPrecisionError);
      }),
      RUNS,
    );
  });

  it('a line amount is quantity × unit rounded once, half away from zero (Stripe)', () => {
    fc.assert(
      fc.property(decimalText(100_000, 4), decimalText(10_000_000, 3), (quantity, unit) => {
        expect(lineAmountCents(quantity, unit)).toBe(Number(qRound(qMul(qDecimal(quantity), qDecimal(unit)))));
      }),
      RUNS,
    );
  });

  it('a ServiceM8 line amount is rounded to 0.01 c first, then to the cent', () => {
    fc.assert(
      fc.property(decimalText(100_000, 4), decimalText(1_000_000, 4), (quantity, unitDollars) => {
        const hundredthsOfCent = qRound(qMul(qMul(qDecimal(quantity), qDecimal(unitDollars)), q(10_000)));
        expect(serviceM8LineAmountCents(quantity, unitDollars)).toBe(Number(qRound(q(hundredthsOfCent, 100))));
      }),
      RUNS,
    );
  });

  it('line GST is the exact GST rounded half away from zero, and ex + GST = inc', () => {
    fc.assert(
      fc.property(taxedLine, (line) => {
        const result = lineGst(line);
        expect(result.gstCents).toBe(Number(qRound(exactGst(line))));
        expect(result.exCents + result.gstCents).toBe(result.incCents);
        expect(line.taxInclusive ? result.incCents : result.exCents).toBe(line.amountCents);
      }),
      RUNS,
    );
  });

  it('invoice totals: per-line GST is the sum of rounded lines, per-invoice GST the rounded sum', () => {
    fc.assert(
      fc.property(fc.array(taxedLine, { maxLength: 12 }), (lines) => {
        const totals = invoiceTotals(lines);
        const perLine = lines.reduce((sum, line) => sum + qRound(exactGst(line)), 0n);
        const exact = lines.reduce<Q>((sum, line) => qAdd(sum, exactGst(line)), q(0));
        expect(totals.gstCents).toBe(Number(perLine));
        expect(totals.gstPerInvoiceCents).toBe(Number(qRound(exact)));
        expect(totals.exCents + totals.gstCents).toBe(totals.incCents);
      }),
      RUNS,
    );
  });

  it('isLegalGst accepts exactly what one of the two legal methods can produce', () => {
    fc.assert(
      fc.property(fc.array(taxedLine, { maxLength: 7 }), fc.integer({ min: -4, max: 4 }), (lines, offset) => {
        const legal = legalSet(lines);
        const candidate = Number(qRound(lines.reduce<Q>((sum, line) => qAdd(sum, exactGst(line)), q(0)))) + offset;
        expect(isLegalGst(candidate, lines)).toBe(legal.has(BigInt(candidate)));
      }),
      RUNS,
    );
  });

  it('the two legal methods never disagree by more than rounding; any other value is a real difference', () => {
    fc.assert(
      fc.property(fc.array(taxedLine, { minLength: 1, maxLength: 7 }), fc.integer({ min: -3, max: 3 }), (lines, offset) => {
        const totals = invoiceTotals(lines);
        const methods = classifyGstDifference({ gstA: totals.gstCents, gstB: totals.gstPerInvoiceCents, lineSets: [lines] });
        expect(methods.kind).toBe(totals.gstCents === totals.gstPerInvoiceCents ? 'none' : 'rounding');
        const other = totals.gstCents + offset;
        const expected = offset === 0 ? 'none' : legalSet(lines).has(BigInt(other)) ? 'rounding' : 'real';
        expect(classifyGstDifference({ gstA: totals.gstCents, gstB: other, lineSets: [lines] }).kind).toBe(expected);
        expect(roundingMethodOf(totals.gstCents, lines)).toMatch(/^(per_line|either)$/);
      }),
      RUNS,
    );
  });

  it('a paid share of an invoice: GST is legal when it rounds the share of some legal GST', () => {
    fc.assert(
      fc.property(
        fc.array(taxedLine, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -3, max: 3 }),
        (lines, permille, offset) => {
          const share = q(permille, 1000);
          const exact = lines.reduce<Q>((sum, line) => qAdd(sum, exactGst(line)), q(0));
          const portions = new Set<bigint>();
          for (const full of [...legalSet(lines)].map((k) => q(k)).concat([exact])) {
            for (const k of qNearIntegers(qMul(full, share))) portions.add(k);
          }
          const candidate = Number(qRound(qMul(exact, share))) + offset;
          expect(isLegalGst(candidate, lines, rational(BigInt(permille), 1000n))).toBe(portions.has(BigInt(candidate)));
        },
      ),
      RUNS,
    );
  });
});
