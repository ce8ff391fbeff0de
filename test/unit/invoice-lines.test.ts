// Line building: a job's materials → Stripe invoice lines and both sides' totals. Unit
// cases for the rules, property tests for the cents and GST arithmetic against the
// independent BigInt oracle (test/helpers/rational-oracle).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLines, dollarsToCentsText } from '../../src/main/core/sync/invoices/build-lines';
import type { Material, TaxRate } from '../../src/main/core/sync/invoices/types';
import { q, qDecimal, qMul, qRound } from '../helpers/rational-oracle';

const rate = (uuid: string, ratePercent: string, active = true): TaxRate => ({
  uuid,
  name: `Rate ${ratePercent}`,
  ratePercent,
  isDefault: false,
  active,
  editDate: '',
  editDateLocal: '',
});
const RATES = new Map([
  ['gst', rate('gst', '10')],
  ['free', rate('free', '0')],
  ['odd', rate('odd', '8.25')],
  ['old', rate('old', '10', false)],
]);
let n = 0;
const material = (m: Partial<Material>): Material =>
  ({
    uuid: `m-${++n}`,
    jobUuid: 'job-1',
    name: 'Item',
    quantity: '1',
    displayedAmountDecimal: '10',
    displayedAmountIsTaxInclusive: false,
    taxRateUuid: 'gst',
    sortOrder: 0,
    active: true,
    ...m,
  }) as Material;

describe('dollarsToCentsText', () => {
  it.each([
    ['45.4545', '4545.45'],
    ['110', '11000'],
    ['0.005', '0.5'],
    ['12.3', '1230'],
    ['0', '0'],
    ['0.00', '0'],
    ['-12.5', '-1250'],
    ['007.10', '710'],
  ])('%s dollars → %s cents', (dollars, cents) => expect(dollarsToCentsText(dollars)).toBe(cents));

  it('is exact for any decimal (property, against the oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const digits = String(units).padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const [a, b] = qMul(qDecimal(text), q(100));
        const [c, d] = qDecimal(dollarsToCentsText(text));
        expect(a * d).toBe(c * b);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildLines', () => {
  it('keeps the order, the names, decimal quantities and each line its own tax rate', () => {
    const built = buildLines(
      [
        material({ name: 'Second', sortOrder: 2, quantity: '1.5', displayedAmountDecimal: '98' }),
        material({ name: 'First', sortOrder: 1, displayedAmountDecimal: '110', displayedAmountIsTaxInclusive: true }),
        material({
          name: 'Permit',
          sortOrder: 3,
          taxRateUuid: 'free',
          displayedAmountDecimal: '46.5',
          displayedAmountIsTaxInclusive: true,
        }),
        material({ name: 'Deleted', sortOrder: 4, active: false }),
      ],
      RATES,
    );
    if (!built.ok) throw new Error(built.reason);
    expect(built.invoice.lines.map((l) => [l.description, l.quantity, l.unitAmountDecimal, l.taxRate.code])).toEqual([
      ['First', '1', '11000', 'gst-10-inclusive'],
      ['Second', '1.5', '9800', 'gst-10-exclusive'],
      ['Permit', '1', '4650', 'gst-free'],
    ]);
    expect(built.invoice.servicem8).toEqual({ incCents: 11000 + 16170 + 4650, exCents: 10000 + 14700 + 4650, gstCents: 1000 + 1470 });
    expect(built.invoice.stripe).toEqual(built.invoice.servicem8);
  });

  it('refuses a line whose tax rate the account does not have, or no longer has', () => {
    expect(buildLines([material({ taxRateUuid: 'missing' })], RATES)).toMatchObject({ ok: false, code: 'unknown_tax_rate' });
    expect(buildLines([material({ taxRateUuid: 'old' })], RATES)).toMatchObject({ ok: false, code: 'unknown_tax_rate' });
  });

  it('a rate other than GST gets a tax rate of its own; a line without a rate is GST-free', () => {
    const built = buildLines([material({ taxRateUuid: 'odd' }), material({ taxRateUuid: null })], RATES);
    if (!built.ok) throw new Error(built.reason);
    expect(built.invoice.lines.map((l) => [l.taxRate.code, l.rateBp])).toEqual([
      ['tax-8.25-exclusive', 825],
      ['gst-free', 0],
    ]);
  });

  it('a negative line (a discount) is sent as its total, with quantity and unit in the description', () => {
    const built = buildLines([material({ name: 'Discount', displayedAmountDecimal: '-25', displayedAmountIsTaxInclusive: true })], RATES);
    if (!built.ok) throw new Error(built.reason);
    expect(built.invoice.lines[0]).toMatchObject({ unitAmountDecimal: null, amountCents: -2500, description: 'Discount (1 × -25)' });
    expect(built.invoice.stripe.gstCents).toBe(-227);
  });

  it('the fingerprint changes with the lines and only with them', () => {
    const a = buildLines([material({ uuid: 'x', quantity: '2' })], RATES);
    const b = buildLines([material({ uuid: 'x', quantity: '2' })], RATES);
    const c = buildLines([material({ uuid: 'x', quantity: '3' })], RATES);
    if (!a.ok || !b.ok || !c.ok) throw new Error('build failed');
    expect(a.invoice.fingerprint).toBe(b.invoice.fingerprint);
    expect(a.invoice.fingerprint).not.toBe(c.invoice.fingerprint);
  });

  it('Stripe totals: each line quantity × unit rounded once, GST per line, sums exact (property, against the oracle)', () => {
    const quantity = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => {
      const d = String(u).padStart(s + 1, '0');
      return s === 0 ? d : `${d.slice(0, -s)}.${d.slice(-s)}`;
    });
    const unit = fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => {
      const d = String(u).padStart(s + 1, '0');
      return s === 0 ? d : `${d.slice(0, -s)}.${d.slice(-s)}`;
    });
    const line = fc.record({ quantity, unit, inclusive: fc.boolean(), rate: fc.constantFrom('gst', 'free', 'odd') });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const built = buildLines(
          lines.map((l, i) =>
            material({
              quantity: l.quantity,
              displayedAmountDecimal: l.unit,
              displayedAmountIsTaxInclusive: l.inclusive,
              taxRateUuid: l.rate,
              sortOrder: i,
            }),
          ),
          RATES,
        );
        if (!built.ok) throw new Error(built.reason);
        let inc = 0n;
        let gst = 0n;
        for (const l of lines) {
          const bp = BigInt(l.rate === 'gst' ? 1000 : l.rate === 'odd' ? 825 : 0);
          const amount = qRound(qMul(qDecimal(l.quantity), qMul(qDecimal(l.unit), q(100))));
          const inclusive = l.inclusive && bp > 0n;
          const tax = qRound(q(amount * bp, inclusive ? 10_000n + bp : 10_000n));
          gst += tax;
          inc += inclusive ? amount : amount + tax;
        }
        expect(BigInt(built.invoice.stripe.incCents)).toBe(inc);
        expect(BigInt(built.invoice.stripe.gstCents)).toBe(gst);
        expect(built.invoice.stripe.exCents + built.invoice.stripe.gstCents).toBe(built.invoice.stripe.incCents);
      }),
      { numRuns: 300 },
    );
  });
});
