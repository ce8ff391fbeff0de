// The quote line on a Stripe customer (newest first, whole entries within 500
// characters, a count, removal when none is left), the reference patch of a finalized
// invoice (what Stripe lets change per status) and the job-total cross-check.
import { describe, expect, it } from 'vitest';
import { dollarsGrouped, quoteSummary } from '../../src/main/core/sync/invoices/plan-quotes';
import { referencePatch } from '../../src/main/core/sync/invoices/plan-references';
import { totalCheckWords } from '../../src/main/core/sync/invoices/total-check';
import type { Job, StripeInvoice } from '../../src/main/core/sync/invoices/types';

const quote = (n: number, cents: number, quoteDate: string, extra: Partial<Job> = {}): Job =>
  ({
    uuid: `u${n}`,
    jobNumber: String(n),
    status: 'Quote',
    active: true,
    quoteDate,
    date: null,
    editDate: quoteDate,
    totalInvoiceAmountCents: cents,
    ...extra,
  }) as Job;

describe('quotes on the customer', () => {
  it('groups dollars by thousands from integer cents', () => {
    expect(dollarsGrouped(0)).toBe('$0.00');
    expect(dollarsGrouped(123450)).toBe('$1,234.50');
    expect(dollarsGrouped(123456789)).toBe('$1,234,567.89');
    expect(dollarsGrouped(-100005)).toBe('-$1,000.05');
  });

  it('lists open quotes newest first in the business zone, skipping other jobs', () => {
    const jobs = [
      quote(7, 88000, '2026-10-28T01:00:00.000Z'),
      quote(9, 123450, '2026-11-02T14:30:00.000Z'), // 3 Nov in Sydney
      quote(8, 5000, '2026-11-01T00:00:00.000Z', { status: 'Work Order' }),
      quote(6, 5000, '2026-11-01T00:00:00.000Z', { active: false }),
    ];
    expect(quoteSummary(jobs, 'Australia/Sydney')).toEqual({
      servicem8_quotes: '#9 $1,234.50 3 Nov 2026; #7 $880.00 28 Oct 2026',
      servicem8_quotes_count: '2',
    });
  });

  it('keeps whole entries within 500 characters and says how many older ones are left out', () => {
    const jobs = Array.from({ length: 40 }, (_, i) => quote(1000 + i, 100000 + i, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
    const summary = quoteSummary(jobs, 'Australia/Sydney');
    const value = summary.servicem8_quotes!;
    expect(value.length).toBeLessThanOrEqual(500);
    expect(summary.servicem8_quotes_count).toBe('40');
    const entries = value.split('; ');
    const suffix = entries.pop()!;
    expect(entries[0]).toMatch(/^#1039 \$1,000\.39 /);
    expect(suffix).toBe(`+${40 - entries.length} older`);
    expect(entries.every((e) => /^#\d+ \$[\d,]+\.\d\d \d{1,2} \w{3} \d{4}$/.test(e))).toBe(true);
    // One more entry would not have fitted.
    expect(`${value}; #1000 $1,000.00 1 Jan 2026`.length).toBeGreaterThan(500 - 1);
  });

  it('removes both keys when no quote is open', () => {
    expect(quoteSummary([quote(1, 100, '2026-01-01T00:00:00Z', { status: 'Completed' })], 'Australia/Sydney')).toEqual({
      servicem8_quotes: '',
      servicem8_quotes_count: '',
    });
  });
});

describe('reference patch of a finalized invoice', () => {
  const draft = {
    metadata: {
      servicem8_job_uuid: 'j',
      servicem8_po_number: 'PO-2',
      servicem8_edit_date: '2026-11-05 10:00:00',
      servicem8_job_status: 'Completed',
    },
    customFields: [
      { name: 'Job', value: '42' },
      { name: 'PO', value: 'PO-2' },
    ],
  };
  const invoice = (status: StripeInvoice['status'], extra: Partial<StripeInvoice> = {}) =>
    ({
      status,
      metadata: {
        servicem8_job_uuid: 'j',
        servicem8_po_number: 'PO-1',
        servicem8_edit_date: '2026-11-01 09:00:00',
        servicem8_job_status: 'Completed',
      },
      customFields: [
        { name: 'Job', value: '42' },
        { name: 'PO', value: 'PO-1' },
        { name: 'Their note', value: 'kept' },
      ],
      ...extra,
    }) as StripeInvoice;

  it('open: metadata and our custom fields, a field added by hand kept', () => {
    expect(referencePatch(draft, invoice('open'))).toEqual({
      metadata: { servicem8_po_number: 'PO-2', servicem8_edit_date: '2026-11-05 10:00:00' },
      customFields: [...draft.customFields, { name: 'Their note', value: 'kept' }],
      changed: ['servicem8_edit_date', 'servicem8_po_number', 'PO'],
    });
  });

  it('never drops a custom field someone added: ours give way (Site, then PO), the job number stays', () => {
    const full = { ...draft, customFields: [...draft.customFields, { name: 'Site', value: '5 Ocean St' }] };
    const theirs = [
      { name: 'Their note', value: 'kept' },
      { name: 'Order ref', value: 'A-7' },
    ];
    const patch = referencePatch(full, invoice('open', { customFields: [{ name: 'Job', value: '42' }, ...theirs] }));
    expect(patch?.customFields).toEqual([{ name: 'Job', value: '42' }, { name: 'PO', value: 'PO-2' }, ...theirs]);
  });

  it('paid: metadata only; void and draft: nothing', () => {
    expect(referencePatch(draft, invoice('paid'))).toMatchObject({ customFields: null, metadata: { servicem8_po_number: 'PO-2' } });
    expect(referencePatch(draft, invoice('void'))).toBeNull();
    expect(referencePatch(draft, invoice('draft'))).toBeNull();
  });

  it('a site address removed in ServiceM8 is removed from the metadata', () => {
    const withSite = invoice('open', {
      metadata: { ...invoice('open').metadata, servicem8_po_number: 'PO-2', servicem8_site_address: '1 Old Rd' },
    });
    expect(referencePatch(draft, withSite)?.metadata).toMatchObject({ servicem8_site_address: '' });
  });

  it('the edit date alone is no reason to write', () => {
    const same = invoice('open', {
      metadata: { ...invoice('open').metadata, servicem8_po_number: 'PO-2' },
      customFields: [...draft.customFields, { name: 'Their note', value: 'kept' }],
    });
    expect(referencePatch(draft, same)).toBeNull();
  });
});

describe('job total cross-check', () => {
  const built = { servicem8: { incCents: 11000, exCents: 10000, gstCents: 1000 } };
  it('agrees with the lines incl. GST (or ex GST, the API leaves it open) and words any other difference', () => {
    expect(totalCheckWords({ totalInvoiceAmountCents: 11000 }, built)).toBeNull();
    expect(totalCheckWords({ totalInvoiceAmountCents: 10000 }, built)).toBeNull();
    expect(totalCheckWords({ totalInvoiceAmountCents: 10999 }, built)).toMatch(
      /\$109\.99 but the job's lines add up to \$110\.00 incl\. GST \(-1 c\)/,
    );
  });
});
