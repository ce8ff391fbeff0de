// Random ServiceM8 wire rows (valid ones, then fields set to wrong types, hostile text,
// amounts with many places, bad dates, fields removed and extra fields added) through the
// connector's row parser: each row is a typed record or a rejection with a reason in words,
// the parser never throws, and a record's money is exact (integer cents, decimal text kept).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchemas, type ServiceM8Object } from '../../src/main/core/connectors/servicem8/records';
import { parseRows } from '../../src/main/core/connectors/servicem8/read-result';
import { fuzzRuns } from '../helpers/fuzz';
import { anyFieldValue, decimalAmountText, hostileText } from '../helpers/fuzz-values';
import { oracleCents, sameDecimal } from '../helpers/money-oracle';

const schemas = buildSchemas('Australia/Sydney');
const RUNS = 300;
const SEED = 20261201;

const stamp = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 19).replace('T', ' ')),
  // Sydney's spring-forward gap and fall-back repeat, and stamps that are not dates at all.
  fc.constantFrom('2026-10-04 02:30:00', '2026-04-05 02:30:00', '2026-13-45 99:00:00', '2026-02-30 10:00:00', '2026-11-31 24:00:00'),
  fc.constantFrom('0000-00-00 00:00:00', '', '2026-11-10T09:30:00Z', '2026-11-10', '9999-12-31 23:59:59', '0001-01-01 00:00:00'),
);
const flag = fc.constantFrom(0, 1, '0', '1', true, false, '', ' ');
const money = fc.oneof(decimalAmountText, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.integer());
const text = fc.oneof(hostileText, fc.string({ maxLength: 20 }));
const uuid = fc.uuid();
const refOrNone = fc.oneof(fc.uuid(), fc.constant(''));

type Kind = 'text' | 'money' | 'moneyOrZero' | 'decimal' | 'moneyWithText';
interface Shape {
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** Wire field → the record's field and how it is read, for the exactness checks. */
  checks: Record<string, [string, Kind]>;
}

const SHAPES: Record<ServiceM8Object, Shape> = {
  company: {
    fields: {
      name: text,
      abn_number: text,
      address_street: text,
      badges: fc.constantFrom('', '[]', '["b-1"]', '[1]', 'nope'),
      is_individual: flag,
    },
    checks: { address_street: ['addressStreet', 'text'] },
  },
  companycontact: {
    fields: { company_uuid: refOrNone, first: text, last: text, email: text, phone: text, is_primary_contact: flag },
    checks: { first: ['first', 'text'], last: ['last', 'text'], phone: ['phone', 'text'] },
  },
  badge: { fields: { name: text, automatically_allocated: flag }, checks: { name: ['name', 'text'] } },
  job: {
    fields: {
      generated_job_id: text,
      status: fc.constantFrom('Quote', 'Work Order', 'Completed', 'Unsuccessful', 'completed', ''),
      company_uuid: refOrNone,
      job_description: text,
      completion_date: stamp,
      invoice_sent: flag,
      total_invoice_amount: money,
    },
    checks: { job_description: ['jobDescription', 'text'], total_invoice_amount: ['totalInvoiceAmountCents', 'moneyOrZero'] },
  },
  jobcontact: { fields: { job_uuid: refOrNone, first: text, email: text }, checks: { first: ['first', 'text'] } },
  jobmaterial: {
    fields: {
      job_uuid: uuid,
      name: text,
      quantity: fc.oneof(decimalAmountText, fc.constantFrom('0', '-1', '-2.5', '0.0001'), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      price: money,
      displayed_amount: money,
      displayed_amount_is_tax_inclusive: flag,
      tax_rate_uuid: refOrNone,
      sort_order: fc.oneof(fc.integer(), fc.constantFrom('3', '-1', '1.5', '')),
    },
    checks: {
      name: ['name', 'text'],
      quantity: ['quantity', 'decimal'],
      price: ['unitPriceExTaxCents', 'money'],
      displayed_amount: ['displayedAmount', 'moneyWithText'],
    },
  },
  jobpayment: {
    fields: { job_uuid: uuid, amount: money, method: text, timestamp: stamp, note: text, is_deposit: flag },
    checks: { amount: ['amountCents', 'money'], note: ['note', 'text'], method: ['method', 'text'] },
  },
  taxrate: {
    fields: { name: text, amount: fc.oneof(decimalAmountText, fc.constantFrom('10', '0', '10.0000')), is_default_tax_rate: flag },
    checks: { amount: ['ratePercent', 'decimal'] },
  },
  staff: {
    fields: { first: text, last: text, email: text, mobile: text },
    checks: { first: ['first', 'text'], mobile: ['mobile', 'text'] },
  },
  category: { fields: { name: text, colour: text }, checks: { name: ['name', 'text'] } },
  material: {
    fields: { name: text, item_number: text, price: money, cost: money, price_includes_taxes: flag, tax_rate_uuid: refOrNone },
    checks: { price: ['priceCents', 'moneyOrZero'], cost: ['costCents', 'moneyOrZero'], item_number: ['itemNumber', 'text'] },
  },
};

const OBJECTS = Object.keys(SHAPES) as ServiceM8Object[];

/** A row of an object: plausible fields, then up to four mutations. */
function row(object: ServiceM8Object): fc.Arbitrary<Record<string, unknown>> {
  const { fields } = SHAPES[object];
  const keys = ['uuid', 'active', 'edit_date', ...Object.keys(fields)];
  const mutation = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.constantFrom(...keys), anyFieldValue),
    fc.tuple(fc.constant('delete' as const), fc.constantFrom(...keys), fc.constant(null)),
    fc.tuple(fc.constant('extra' as const), fc.string({ maxLength: 12 }), anyFieldValue),
  );
  return fc
    .record({ uuid, active: flag, edit_date: stamp, ...fields })
    .chain((base) => fc.tuple(fc.constant(base), fc.array(mutation, { maxLength: 4 })))
    .map(([base, mutations]) => {
      const out: Record<string, unknown> = { ...base };
      for (const [kind, key, value] of mutations) {
        if (kind === 'delete') delete out[key];
        else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
}

/** A reason a person can read: words, not a stack, a JSON dump or a megabyte of the value. */
function expectPlainReason(reason: string): void {
  expect(reason.trim()).not.toBe('');
  expect(reason).toMatch(/[a-z]{3}/i);
  expect(reason).not.toMatch(/\[object Object\]|^\s*[[{]|\n\s+at /);
  expect(reason.length).toBeLessThanOrEqual(600);
}

function expectExact(kind: Kind, input: unknown, output: unknown): void {
  // Only strings and numbers get this far: any other type is a rejection.
  if (kind === 'text') return expect(output).toBe(input === undefined ? '' : String(input as string | number));
  if (kind === 'decimal')
    return expect(sameDecimal(String(output), typeof input === 'number' ? input.toFixed(6) : String(input))).toBe(true);
  if (kind === 'moneyWithText') {
    const { cents, text: exact } = output as { cents: number; text: string };
    expect(BigInt(cents)).toBe(oracleCents(input));
    return expect(sameDecimal(exact, typeof input === 'number' ? String(input) : String(input))).toBe(true);
  }
  expect(Number.isSafeInteger(output)).toBe(true);
  const zero = kind === 'moneyOrZero' && (input === undefined || input === null || input === '');
  expect(BigInt(output as number)).toBe(zero ? 0n : oracleCents(input));
}

describe('fuzzing the ServiceM8 record parsers', () => {
  it.each(OBJECTS)('%s: a typed record with exact money, or a rejection with a reason in words; never a throw', (object) => {
    const outcomes = { records: 0, rejected: 0 };
    fc.assert(
      fc.property(row(object), (wire) => {
        const result = parseRows(schemas, object, [wire]);
        expect(result.records.length + result.rejected.length).toBe(1);
        const [rejected] = result.rejected;
        if (rejected) {
          outcomes.rejected += 1;
          expect(rejected.object).toBe(object);
          expectPlainReason(rejected.reason);
          return;
        }
        outcomes.records += 1;
        const record = result.records[0] as unknown as Record<string, unknown>;
        expect(record.uuid).toBe((wire.uuid as string).trim());
        expect(typeof record.active).toBe('boolean');
        // A record is never deleted by a guess: an empty or missing `active` is a rejection.
        expect(typeof wire.active === 'string' && wire.active.trim() === '').toBe(false);
        expect(Number.isNaN(Date.parse(record.editDate as string))).toBe(false);
        for (const [wireKey, [key, kind]] of Object.entries(SHAPES[object].checks)) {
          if (key === 'displayedAmount')
            expectExact(kind, wire[wireKey], { cents: record.displayedAmountCents, text: record.displayedAmountDecimal });
          else expectExact(kind, wire[wireKey], record[key]);
        }
      }),
      fuzzRuns(RUNS, SEED + OBJECTS.indexOf(object)),
    );
    // Both outcomes were exercised, so neither branch's checks are vacuous.
    expect(outcomes.records).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  it('a page with bad rows keeps every good row, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(row('jobpayment'), fc.constantFrom(null, 'x', 42, [])), { maxLength: 12 }), (rows) => {
        const alone = rows.map((r) => parseRows(schemas, 'jobpayment', [r]));
        const together = parseRows(schemas, 'jobpayment', rows);
        expect(together.records).toEqual(alone.flatMap((r) => r.records));
        expect(together.rejected).toEqual(alone.flatMap((r) => r.rejected));
      }),
      fuzzRuns(100, SEED),
    );
  });
});
