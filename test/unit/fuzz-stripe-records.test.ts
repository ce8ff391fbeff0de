// Random Stripe objects (the API docs' examples, then fields the connector reads set to wrong
// types, hostile text, fractional or huge cents, bad timestamps, fields removed, extra fields)
// through the connector's schemas: each is a typed record or the connector's own validation
// error with a reason in words; nothing else is ever thrown; a record's cents are the wire's
// cents and decimal strings are kept exactly.
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { StripeConnectorError } from '../../src/main/core/connectors/stripe/errors';
import * as schemas from '../../src/main/core/connectors/stripe/schemas';
import { parseRecord } from '../../src/main/core/connectors/stripe/schema-parts';
import fixtures from '../fixtures/stripe-fixtures.json';
import { fuzzRuns } from '../helpers/fuzz';
import { anyFieldValue, hostileText } from '../helpers/fuzz-values';

const RUNS = 250;
const SEED = 20261202;
type Path = (string | number)[];

const balanceTransaction = {
  id: 'txn_1',
  object: 'balance_transaction',
  amount: 11000,
  fee: 287,
  fee_details: [
    { amount: 261, type: 'stripe_fee', description: 'Stripe processing fees' },
    { amount: 26, type: 'tax', description: 'GST' },
  ],
  net: 10713,
  currency: 'aud',
  type: 'charge',
  reporting_category: 'charge',
  status: 'available',
  source: 'ch_1',
  description: null,
  available_on: 1764288000,
  created: 1764115200,
};
const dispute = {
  id: 'du_1',
  object: 'dispute',
  amount: 5500,
  charge: 'ch_1',
  payment_intent: null,
  currency: 'aud',
  reason: 'fraudulent',
  status: 'needs_response',
  balance_transactions: [{ id: 'txn_2' }],
  created: 1764115200,
};
const payout = {
  id: 'po_1',
  object: 'payout',
  amount: 10713,
  currency: 'aud',
  status: 'paid',
  automatic: true,
  arrival_date: 1764288000,
  balance_transaction: 'txn_3',
  description: 'STRIPE PAYOUT',
  created: 1764201600,
};
const invoice = {
  ...fixtures.invoice,
  lines: {
    ...fixtures.invoice.lines,
    data: [
      { ...fixtures.invoice.lines.data[0], quantity_decimal: '2.5', pricing: { type: 'price_details', unit_amount_decimal: '45.4545' } },
    ],
  },
  total_taxes: [{ amount: 91, tax_behavior: 'exclusive', taxable_amount: 909, tax_rate_details: { tax_rate: 'txr_1' } }],
};

interface Case {
  schema: z.ZodType;
  base: Record<string, unknown>;
  what: string;
  /** Extra nested paths the schema reads (top-level keys are found from the schema). */
  nested?: Path[];
  /** Integer cents or exact decimal strings: wire path → record path. */
  exact: [Path, Path][];
}

const CASES: Record<string, Case> = {
  customer: {
    schema: schemas.customerRecord,
    base: fixtures.customer,
    what: 'customer',
    nested: [
      ['address', 'line1'],
      ['metadata', 'servicem8_uuid'],
    ],
    exact: [],
  },
  invoice: {
    schema: schemas.invoiceRecord,
    base: invoice,
    what: 'invoice',
    nested: [
      ['lines', 'data', 0, 'amount'],
      ['lines', 'data', 0, 'quantity'],
      ['lines', 'data', 0, 'quantity_decimal'],
      ['lines', 'data', 0, 'pricing', 'unit_amount_decimal'],
      ['lines', 'data', 0, 'description'],
      ['lines', 'has_more'],
      ['total_taxes', 0, 'amount'],
      ['status_transitions', 'paid_at'],
      ['metadata', 'servicem8_job_uuid'],
    ],
    exact: [
      [['total'], ['totalCents']],
      [['subtotal'], ['subtotalCents']],
      [['amount_due'], ['amountDueCents']],
      [['amount_paid'], ['amountPaidCents']],
      [['amount_remaining'], ['amountRemainingCents']],
      [
        ['lines', 'data', 0, 'amount'],
        ['lines', 0, 'amountCents'],
      ],
      [
        ['lines', 'data', 0, 'quantity_decimal'],
        ['lines', 0, 'quantityDecimal'],
      ],
      [
        ['lines', 'data', 0, 'pricing', 'unit_amount_decimal'],
        ['lines', 0, 'unitAmountDecimal'],
      ],
      [['total_taxes', 0, 'amount'], ['taxCents']],
    ],
  },
  line: {
    // A line read on its own page (listLineItems) goes through the invoice schema too.
    schema: schemas.invoiceRecord,
    base: { ...invoice, lines: { data: [fixtures.line_item], has_more: false } },
    what: 'invoice',
    nested: [
      ['lines', 'data', 0, 'amount'],
      ['lines', 'data', 0, 'taxes'],
      ['lines', 'data', 0, 'metadata'],
      ['lines', 'data', 0, 'parent'],
    ],
    exact: [
      [
        ['lines', 'data', 0, 'amount'],
        ['lines', 0, 'amountCents'],
      ],
    ],
  },
  charge: {
    schema: schemas.chargeRecord,
    base: fixtures.charge,
    what: 'charge',
    nested: [['metadata', 'servicem8_job_uuid']],
    exact: [
      [['amount'], ['amountCents']],
      [['amount_refunded'], ['amountRefundedCents']],
    ],
  },
  payment_intent: {
    schema: schemas.paymentIntentRecord,
    base: fixtures.payment_intent,
    what: 'payment intent',
    exact: [
      [['amount'], ['amountCents']],
      [['amount_received'], ['amountReceivedCents']],
    ],
  },
  refund: { schema: schemas.refundRecord, base: fixtures.refund, what: 'refund', exact: [[['amount'], ['amountCents']]] },
  credit_note: {
    schema: schemas.creditNoteRecord,
    base: fixtures.credit_note,
    what: 'credit note',
    exact: [
      [['amount'], ['amountCents']],
      [['total'], ['totalCents']],
    ],
  },
  balance_transaction: {
    schema: schemas.balanceTransactionRecord,
    base: balanceTransaction,
    what: 'balance transaction',
    nested: [
      ['fee_details', 0, 'amount'],
      ['fee_details', 1, 'amount'],
      ['fee_details', 1, 'type'],
    ],
    exact: [
      [['amount'], ['amountCents']],
      [['fee'], ['feeCents']],
      [['net'], ['netCents']],
    ],
  },
  dispute: { schema: schemas.disputeRecord, base: dispute, what: 'dispute', exact: [[['amount'], ['amountCents']]] },
  payout: { schema: schemas.payoutRecord, base: payout, what: 'payout', exact: [[['amount'], ['amountCents']]] },
  invoice_payment: {
    schema: schemas.invoicePaymentRecord,
    base: fixtures.invoice_payment,
    what: 'invoice payment',
    exact: [[['amount_requested'], ['amountRequestedCents']]],
  },
  tax_rate: { schema: schemas.taxRateRecord, base: fixtures.tax_rate, what: 'tax rate', exact: [[['percentage'], ['percentage']]] },
  event: {
    schema: schemas.eventRecord,
    base: fixtures.event,
    what: 'event',
    nested: [
      ['data', 'object'],
      ['data', 'object', 'id'],
    ],
    exact: [],
  },
};

/** Values a Stripe field should never hold, and some it may: timestamps past Date's range, fractional and unsafe cents. */
const stripeValue = fc.oneof(
  anyFieldValue,
  fc.constantFrom(-1, 0.5, 12.5, -0, 8_640_000_000_001, 9_007_199_254_740_991, 2 ** 53, 1e300, '1000', '12.50', 'in_', 'cus_'),
  fc.integer(),
  fc.stringMatching(/^-?\d{1,14}(\.\d{1,12})?$/),
);

function topKeys(schema: z.ZodType): string[] {
  const input = (schema as unknown as { in?: { shape?: Record<string, unknown> } }).in;
  return Object.keys(input?.shape ?? {});
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined),
    value,
  );
}

/** A deep copy with one change at `path` (intermediate objects made as needed). */
function change(value: unknown, path: Path, next: { set: unknown } | 'delete'): unknown {
  if (path.length === 0) return next === 'delete' ? undefined : next.set;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: Record<string | number, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<number, unknown>)
    : value !== null && typeof value === 'object'
      ? { ...(value as Record<string, unknown>) }
      : {};
  if (rest.length === 0 && next === 'delete') delete copy[head];
  else Object.defineProperty(copy, head, { value: change(copy[head], rest, next), enumerable: true, writable: true, configurable: true });
  return copy;
}

function object(name: string): fc.Arbitrary<unknown> {
  const { schema, base, nested = [] } = CASES[name]!;
  const paths: Path[] = [...topKeys(schema).map((k) => [k]), ...nested];
  const mutation = fc.oneof(
    fc.tuple(
      fc.constantFrom(...paths),
      stripeValue.map((v) => ({ set: v })),
    ),
    fc.tuple(fc.constantFrom(...paths), fc.constant('delete' as const)),
    fc.tuple(
      fc.tuple(fc.string({ maxLength: 10 })),
      hostileText.map((v) => ({ set: v })),
    ),
  );
  return fc
    .array(mutation, { maxLength: 3 })
    .map((mutations) => mutations.reduce<unknown>((v, [path, next]) => change(v, path, next), base));
}

function expectPlainReason(message: string): void {
  expect(message).toMatch(/^Stripe [a-z ]+ .+ has an unexpected shape \(.+\)\.$/s);
  expect(message).not.toMatch(/\[object Object\]|\n\s+at /);
  expect(message.length).toBeLessThanOrEqual(400);
}

describe('fuzzing the Stripe record schemas', () => {
  it.each(Object.keys(CASES))('%s: a typed record with exact cents, or a validation error in words; nothing else thrown', (name) => {
    const { schema, what, exact } = CASES[name]!;
    const outcomes = { records: 0, rejected: 0 };
    fc.assert(
      fc.property(object(name), (wire) => {
        expect(() => schema.safeParse(wire)).not.toThrow(); // the adapters' event paths call safeParse directly
        let record: unknown;
        try {
          record = parseRecord(schema, wire, what);
        } catch (error) {
          outcomes.rejected += 1;
          expect(error).toBeInstanceOf(StripeConnectorError);
          expect((error as StripeConnectorError).kind).toBe('validation');
          expectPlainReason((error as Error).message);
          return;
        }
        outcomes.records += 1;
        for (const [from, to] of exact) {
          const input = at(wire, from);
          const output = at(record, to);
          if (input === undefined || input === null) continue;
          if (typeof input === 'number' && !['percentage'].includes(String(from.at(-1)))) expect(Number.isSafeInteger(output)).toBe(true);
          expect(output).toBe(input);
        }
      }),
      fuzzRuns(RUNS, SEED + Object.keys(CASES).indexOf(name)),
    );
    expect(outcomes.records).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
