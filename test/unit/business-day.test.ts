import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  BusinessDateError,
  businessDay,
  localDateFormatter,
  monthRange,
  serviceM8InvoiceAt,
  stripeInvoiceAt,
  toInstant,
} from '../../src/main/core/money/business-day';

const SYDNEY = 'Australia/Sydney';

describe('business days', () => {
  it('the fast formatter gives the same day as luxon for any instant, in Sydney and Perth', () => {
    const sydney = localDateFormatter(SYDNEY);
    const perth = localDateFormatter('Australia/Perth');
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') }), (millis) => {
        const instant = new Date(millis).toISOString();
        expect(sydney(instant)).toBe(DateTime.fromMillis(millis, { zone: SYDNEY }).toISODate());
        expect(perth(instant)).toBe(businessDay(instant, 'Australia/Perth').date);
      }),
      { numRuns: 300 },
    );
  });

  it('invoice dates: ServiceM8 invoice_sent else completion; Stripe effective_at, else finalized_at, else created', () => {
    expect(serviceM8InvoiceAt({ invoiceSentAt: '2026-03-31T13:00:00Z', completedAt: '2026-03-30T00:00:00Z' })).toBe('2026-03-31T13:00:00Z');
    expect(serviceM8InvoiceAt({ invoiceSentAt: null, completedAt: '2026-03-30T00:00:00+11:00' })).toBe('2026-03-29T13:00:00Z');
    expect(serviceM8InvoiceAt({})).toBeNull();
    expect(stripeInvoiceAt({ effectiveAt: 1774962000, finalizedAt: 1, created: 0 })).toBe('2026-03-31T13:00:00Z');
    expect(stripeInvoiceAt({ effectiveAt: null, finalizedAt: 1774962000, created: 0 })).toBe('2026-03-31T13:00:00Z');
    expect(stripeInvoiceAt({ created: 1774962000 })).toBe('2026-03-31T13:00:00Z');
    expect(() => toInstant('2026-03-31 10:00:00')).toThrow(BusinessDateError);
  });

  it('refuses a malformed month or zone with a clear error', () => {
    expect(() => monthRange('2026-13', SYDNEY)).toThrow('month must be YYYY-MM, got "2026-13"');
    expect(() => monthRange('2026-03', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
