// Reading and writing ServiceM8's wire formats: flags, money, account-local stamps
// across DST, badges, $filter text, and the incremental cursor.
import { describe, expect, it } from 'vitest';
import { buildSchemas } from '../../src/main/core/connectors/servicem8/records';
import { buildFilter, matchesFilter } from '../../src/main/core/connectors/servicem8/filter';
import { advanceCursor, lowerBound, seenKey } from '../../src/main/core/connectors/servicem8/change-cursor';
import { localToUtcIso, toLocalNaive } from '../../src/main/core/connectors/servicem8/local-time';
import { jobPaymentFields, wireBadges } from '../../src/main/core/connectors/servicem8/wire-encode';

const schemas = buildSchemas('Australia/Sydney');
const base = { uuid: 'u-1', active: 1, edit_date: '2026-07-01 09:30:00' };

describe('ServiceM8 wire: records', () => {
  it('reads flags in every shape the API uses', () => {
    for (const [value, expected] of [
      [1, true],
      ['1', true],
      [true, true],
      [0, false],
      ['0', false],
      [false, false],
      ['', false],
    ] as const) {
      const parsed = schemas.companycontact.parse({ ...base, is_primary_contact: value });
      expect(parsed.isPrimaryContact, JSON.stringify(value)).toBe(expected);
    }
    expect(schemas.companycontact.safeParse({ ...base, is_primary_contact: 'yes' }).success).toBe(false);
  });

  it('reads money strings and numbers into integer cents', () => {
    const payment = (amount: unknown) => schemas.jobpayment.safeParse({ ...base, job_uuid: 'j', amount });
    expect(payment('1234.5600').data?.amountCents).toBe(123456);
    expect(payment(12.3).data?.amountCents).toBe(1230);
    expect(payment('-0.0500').data?.amountCents).toBe(-5);
    expect(payment('0.125').data?.amountCents).toBe(13);
    expect(payment('').success).toBe(false);
    expect(payment('$12').success).toBe(false);
  });

  it('turns account-local stamps into UTC instants on both sides of daylight saving, and unset stamps into null', () => {
    const job = schemas.job.parse({
      ...base,
      status: 'Completed',
      completion_date: '2026-01-15 14:00:00',
      quote_date: '0000-00-00 00:00:00',
      work_order_date: '',
    });
    expect(job.editDate).toBe('2026-06-30T23:30:00Z'); // AEST, +10
    expect(job.completionDate).toBe('2026-01-15T03:00:00Z'); // AEDT, +11
    expect(job.quoteDate).toBeNull();
    expect(job.workOrderDate).toBeNull();
    expect(job.companyUuid).toBeNull();
    expect(localToUtcIso('2026-04-05 02:30:00', 'Australia/Sydney')).toBe('2026-04-04T15:30:00Z'); // the repeated hour: earlier offset (C8)
    expect(toLocalNaive('2026-06-30T23:30:00Z', 'Australia/Sydney')).toBe('2026-07-01 09:30:00');
  });

  it('rejects a record with no usable edit_date or an unknown job status, with reasons', () => {
    const noStamp = schemas.category.safeParse({ uuid: 'c', active: 1, edit_date: '0000-00-00 00:00:00', name: 'x' });
    expect(noStamp.success).toBe(false);
    const status = schemas.job.safeParse({ ...base, status: 'Invoiced' });
    expect(status.error?.issues[0]?.path).toEqual(['status']);
  });

  it('reads and writes badges as a JSON-encoded string', () => {
    expect(schemas.company.parse({ ...base, name: 'A', badges: '["VIP","Strata"]' }).badges).toEqual(['VIP', 'Strata']);
    expect(schemas.company.safeParse({ ...base, name: 'A', badges: '[oops' }).success).toBe(false);
    expect(wireBadges(['VIP'])).toBe('["VIP"]');
  });

  it('writes a job payment with a decimal amount and an account-local stamp', () => {
    expect(
      jobPaymentFields(
        { jobUuid: 'j', amountCents: 12345, method: 'Stripe', paidAt: '2026-11-02T01:30:00Z', note: 'pi_1' },
        'Australia/Sydney',
      ),
    ).toEqual({
      job_uuid: 'j',
      amount: '123.45',
      method: 'Stripe',
      timestamp: '2026-11-02 12:30:00',
      note: 'pi_1',
      actioned_by_uuid: '',
    });
  });
});

describe('ServiceM8 wire: $filter', () => {
  it('quotes strings (doubling quotes) and leaves numbers bare', () => {
    expect(
      buildFilter([
        { field: 'name', op: 'eq', value: "O'Connor" },
        { field: 'active', op: 'eq', value: 1 },
      ]),
    ).toBe("name eq 'O''Connor' and active eq 1");
    expect(() => buildFilter(Array.from({ length: 11 }, () => ({ field: 'active', op: 'eq' as const, value: 1 })))).toThrow('at most 10');
    expect(() => buildFilter([{ field: 'name) or (1', op: 'eq', value: 1 }])).toThrow('not a ServiceM8 field name');
  });

  it('checks conditions client-side the way the server compares', () => {
    const row = { status: 'Completed', edit_date: '2026-07-01 09:30:00', total_invoice_amount: '1200.0000', active: 1 };
    expect(matchesFilter(row, [{ field: 'status', op: 'ne', value: 'Completed' }])).toBe(false);
    expect(
      matchesFilter(row, [
        { field: 'edit_date', op: 'gt', value: '2026-07-01 09:29:59' },
        { field: 'total_invoice_amount', op: 'gt', value: 999 },
      ]),
    ).toBe(true);
    expect(matchesFilter(row, [{ field: 'active', op: 'lt', value: 1 }])).toBe(false);
  });
});

describe('ServiceM8 wire: change cursor', () => {
  const settings = { overlapSeconds: 60, walkSafetySeconds: 900 };

  it('steps back by the overlap and never advances past walk start minus the safety margin', () => {
    expect(lowerBound(null, settings)).toBeNull();
    expect(lowerBound({ editDate: '2026-07-01 00:00:30', seen: [] }, settings)).toBe('2026-06-30 23:59:30');
    const key = seenKey({ uuid: 'a', edit_date: '2026-07-01 09:59:00' });
    const capped = advanceCursor(null, '2026-07-01 10:00:00', '2026-07-01 09:59:00', [key], settings);
    expect(capped.editDate).toBe('2026-07-01 09:45:00');
    expect(capped.seen).toEqual([key]);
    const uncapped = advanceCursor(capped, '2026-07-01 12:00:00', '2026-07-01 09:59:00', [], settings);
    expect(uncapped.editDate).toBe('2026-07-01 09:59:00');
  });

  it('never moves backwards and forgets seen keys older than the overlap', () => {
    const old = seenKey({ uuid: 'old', edit_date: '2026-07-01 08:00:00' });
    const cursor = advanceCursor(
      { editDate: '2026-07-01 09:00:00', seen: [old] },
      '2026-07-01 12:00:00',
      '2026-07-01 08:30:00',
      [],
      settings,
    );
    expect(cursor.editDate).toBe('2026-07-01 09:00:00');
    expect(cursor.seen).toEqual([]);
    expect(advanceCursor(null, '2026-07-01 12:00:00', null, [], settings)).toEqual({ editDate: null, seen: [] });
  });

  it('gives a same-second re-edit a different key', () => {
    expect(seenKey({ uuid: 'a', edit_date: '2026-07-01 09:00:00', name: 'x' } as { uuid: string; edit_date: string })).not.toBe(
      seenKey({ uuid: 'a', edit_date: '2026-07-01 09:00:00', name: 'y' } as { uuid: string; edit_date: string }),
    );
  });
});
