// Per-line GST rounding of the simulator (reference §8), in integer cents.
import { describe, expect, it } from 'vitest';
import { roundDiv } from '../../src/main/simulators/shared/round-div';
import { lineTaxes } from '../../src/main/simulators/stripe/invoice-totals';
import { decimalTimes } from '../../src/main/simulators/stripe/resources/invoice-items';
import { newTaxRate } from '../../src/main/simulators/stripe/objects/tax-rate';

const gst = (inclusive: boolean) => newTaxRate(inclusive ? 'txr_incl' : 'txr_excl', 0, { display_name: 'GST', percentage: 10, inclusive });

describe('lineTaxes', () => {
  it('extracts inclusive GST as amount × 10/110, rounded half away from zero', () => {
    expect(lineTaxes(11000, [gst(true)])[0]).toMatchObject({ amount: 1000, taxable_amount: 10000, tax_behavior: 'inclusive' });
    expect(lineTaxes(3333, [gst(true)])[0]).toMatchObject({ amount: 303, taxable_amount: 3030 });
    expect(lineTaxes(605, [gst(true)])[0]?.amount).toBe(55);
    // 16 × 10/110 = 1.45 → 1; 17 × 10/110 = 1.55 → 2
    expect(lineTaxes(16, [gst(true)])[0]?.amount).toBe(1);
    expect(lineTaxes(17, [gst(true)])[0]?.amount).toBe(2);
  });

  it('adds exclusive GST as amount × 10%, with ties away from zero', () => {
    expect(lineTaxes(10000, [gst(false)])[0]).toMatchObject({ amount: 1000, taxable_amount: 10000, tax_behavior: 'exclusive' });
    expect(lineTaxes(5, [gst(false)])[0]?.amount).toBe(1);
    expect(lineTaxes(-5, [gst(false)])[0]?.amount).toBe(-1);
    expect(lineTaxes(4, [gst(false)])[0]?.amount).toBe(0);
  });

  it("matches Stripe's own table for 15 %: $0.43 → $0.06, $4.84 → $0.73", () => {
    const vat = newTaxRate('txr_15', 0, { display_name: 'VAT', percentage: 15, inclusive: false });
    expect(lineTaxes(43, [vat])[0]?.amount).toBe(6);
    expect(lineTaxes(484, [vat])[0]?.amount).toBe(73);
  });

  it('handles percentages with decimals exactly', () => {
    const rate = newTaxRate('txr_dec', 0, { display_name: 'X', percentage: 8.875, inclusive: false });
    expect(lineTaxes(10000, [rate])[0]?.amount).toBe(888);
  });

  it('returns no taxes for a line without rates', () => {
    expect(lineTaxes(10000, [])).toEqual([]);
  });
});

describe('roundDiv', () => {
  it('rounds half away from zero in integer division (GST of 11000 inc. is 1000, of 3333 inc. is 303)', () => {
    expect(roundDiv(11000 * 10, 110)).toBe(1000);
    expect(roundDiv(3333 * 10, 110)).toBe(303);
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(-5, 10)).toBe(-1);
    expect(roundDiv(4, 10)).toBe(0);
  });
});

describe('decimalTimes', () => {
  it('multiplies a decimal unit amount exactly and rounds half away from zero', () => {
    expect(decimalTimes('1234.5', 2)).toBe(2469);
    expect(decimalTimes('0.1', 3)).toBe(0); // 0.3 cents
    expect(decimalTimes('0.5', 1)).toBe(1);
    expect(decimalTimes('1.005', 1000)).toBe(1005);
    expect(decimalTimes('33.333333333333', 3)).toBe(100);
    expect(decimalTimes('-2.5', 1)).toBe(-3);
    expect(decimalTimes('1000', 7)).toBe(7000);
  });
});
