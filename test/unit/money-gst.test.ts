// Worked examples of the money layer: the figures a bookkeeper can check by hand.
import { describe, expect, it } from 'vitest';
import {
  classifyGstDifference,
  GST_BP,
  invoiceTotals,
  lineAmountCents,
  lineGst,
  MoneyFormatError,
  MoneyPrecisionError,
  parseCents,
  percentToBasisPoints,
  rational,
  roundingMethodOf,
  serviceM8LineAmountCents,
} from '../../src/main/core/money';

const inc = (amountCents: number, rateBp = GST_BP) => ({ amountCents, rateBp, taxInclusive: true });
const ex = (amountCents: number, rateBp = GST_BP) => ({ amountCents, rateBp, taxInclusive: false });

describe('parseCents', () => {
  it('reads dollars exactly and refuses sub-cent amounts with a clear error', () => {
    expect(parseCents('1234.50')).toBe(123450);
    expect(parseCents('99.9000')).toBe(9990);
    expect(parseCents('-0.05')).toBe(-5);
    expect(parseCents('7')).toBe(700);
    expect(() => parseCents('12.345')).toThrow(
      new MoneyPrecisionError('amount "12.345" has more than 2 decimal places; money is kept in whole cents'),
    );
    expect(() => parseCents('1,000.00')).toThrow(MoneyFormatError);
    expect(() => parseCents('')).toThrow(MoneyFormatError);
    expect(() => parseCents('1e3')).toThrow(MoneyFormatError);
  });

  it('reads tax rates as basis points', () => {
    expect(percentToBasisPoints('10')).toBe(1000);
    expect(percentToBasisPoints('0')).toBe(0);
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(() => percentToBasisPoints('8.875')).toThrow(MoneyPrecisionError);
  });
});

describe('line amounts', () => {
  it('multiplies a decimal quantity by the unit price and rounds once, half away from zero', () => {
    expect(lineAmountCents('2.5', 1999)).toBe(4998); // 4997.5 → 4998
    expect(lineAmountCents('3', '33.3333333333')).toBe(100);
    expect(lineAmountCents('-1.5', 101)).toBe(-152); // -151.5 → -152
    expect(lineAmountCents('0.333', 100)).toBe(33);
  });

  it('ServiceM8 rounds to 4 dp of a dollar first: 0.0033 × $1.50 = $0.00495 → $0.0050 → 1 c', () => {
    expect(serviceM8LineAmountCents('0.0033', '1.5')).toBe(1);
    expect(lineAmountCents('0.0033', 150)).toBe(0); // Stripe rounds the exact 0.495 c once
    expect(serviceM8LineAmountCents('2', '45.4545')).toBe(9091);
  });
});

describe('GST per line', () => {
  it('takes 1/11 of an inclusive amount and 10 % on top of an exclusive one', () => {
    expect(lineGst(inc(11000))).toMatchObject({ gstCents: 1000, exCents: 10000, incCents: 11000 });
    expect(lineGst(inc(3333))).toMatchObject({ gstCents: 303, exCents: 3030 });
    expect(lineGst(inc(16)).gstCents).toBe(1); // 1.4545 c
    expect(lineGst(inc(17)).gstCents).toBe(2); // 1.5454 c
    expect(lineGst(ex(10000))).toMatchObject({ gstCents: 1000, exCents: 10000, incCents: 11000 });
    expect(lineGst(ex(5)).gstCents).toBe(1); // 0.5 c: the ATO rounds half a cent up
    expect(lineGst(ex(-5)).gstCents).toBe(-1); // credits mirror it
    expect(lineGst(ex(4)).gstCents).toBe(0);
  });

  it('GST-free lines carry no GST; other rates use basis points', () => {
    expect(lineGst(inc(5000, 0))).toMatchObject({ gstCents: 0, exCents: 5000 });
    expect(lineGst(ex(43, 1500)).gstCents).toBe(6); // Stripe's own 15 % table: $0.43 → $0.06
    expect(lineGst(ex(484, 1500)).gstCents).toBe(73);
  });
});

describe('invoice totals and rounding', () => {
  it('three $0.05 exclusive lines: 3 c per line, 2 c per invoice, and that is rounding', () => {
    const lines = [ex(5), ex(5), ex(5)];
    const totals = invoiceTotals(lines);
    expect(totals).toMatchObject({ exCents: 15, gstCents: 3, gstPerInvoiceCents: 2, incCents: 18 });
    expect(roundingMethodOf(3, lines)).toBe('per_line');
    expect(roundingMethodOf(2, lines)).toBe('per_invoice');
    expect(classifyGstDifference({ gstA: 3, gstB: 2, lineSets: [lines] })).toEqual({ kind: 'rounding', differenceCents: -1 });
    // A 0.5 c tie rounds up (the ATO's rule): 3 c per line or 2 c per invoice, nothing else.
    expect(classifyGstDifference({ gstA: 3, gstB: 0, lineSets: [lines] }).kind).toBe('real');
    expect(classifyGstDifference({ gstA: 3, gstB: 1, lineSets: [lines] }).kind).toBe('real');
    expect(classifyGstDifference({ gstA: 3, gstB: 4, lineSets: [lines] }).kind).toBe('real');
    // $12.35 ex GST: exact GST 123.5 c, legally 124 c; 123 c is a real difference.
    expect(classifyGstDifference({ gstA: 124, gstB: 123, lineSets: [[ex(1235)]] }).kind).toBe('real');
  });

  it('a 1 c difference on lines that have no sub-cent GST is real, not rounding', () => {
    const lines = [ex(10000), ex(2000)];
    expect(invoiceTotals(lines).gstCents).toBe(1200);
    expect(classifyGstDifference({ gstA: 1200, gstB: 1201, lineSets: [lines] }).kind).toBe('real');
    expect(roundingMethodOf(1201, lines)).toBe('neither');
  });

  it('values between the two methods are not legal: five 0.4 c lines give 0 c or 2 c, never 1 c', () => {
    const lines = Array.from({ length: 5 }, () => ex(4));
    expect(classifyGstDifference({ gstA: 0, gstB: 2, lineSets: [lines] }).kind).toBe('rounding');
    expect(classifyGstDifference({ gstA: 0, gstB: 1, lineSets: [lines] }).kind).toBe('real');
  });

  it('a GST-free line on one side and a taxed line on the other is a real difference', () => {
    const sm8 = [inc(1100, 0)];
    const stripe = [inc(1100)];
    expect(classifyGstDifference({ gstA: 0, gstB: 100, lineSets: [sm8, stripe] }).kind).toBe('real');
  });

  it('a half-paid invoice may round its share either way', () => {
    const lines = [inc(1100)]; // GST 100 c; half paid: 50 c
    expect(classifyGstDifference({ gstA: 50, gstB: 51, lineSets: [lines], share: rational(1n, 2n) }).kind).toBe('real');
    const odd = [inc(1111)]; // GST 101 c; half: 50.5 c → 50 or 51 are both roundings
    expect(classifyGstDifference({ gstA: 50, gstB: 51, lineSets: [odd], share: rational(1n, 2n) }).kind).toBe('rounding');
  });
});
