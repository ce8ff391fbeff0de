// Why a job is or is not sent, reason by reason, in the order they are checked.
import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/main/core/sync/invoices/build-lines';
import { checkEligibility, triggerReached, type ClientState } from '../../src/main/core/sync/invoices/eligibility';
import type { Category, Job, Material, TaxRate } from '../../src/main/core/sync/invoices/types';
import { parseSettings, type SettingsInput } from '../../src/shared/settings';

const job = (j: Partial<Job>): Job =>
  ({
    uuid: 'j',
    active: true,
    status: 'Completed',
    invoiceSent: true,
    paymentProcessed: false,
    companyUuid: 'c',
    categoryUuid: 'cat-1',
    ...j,
  }) as Job;
const RATES = new Map([['gst', { uuid: 'gst', ratePercent: '10', active: true, name: 'GST' } as TaxRate]]);
const line = (unit: string, taxRateUuid = 'gst') =>
  ({
    uuid: `m${unit}`,
    jobUuid: 'j',
    name: 'Labour',
    quantity: '1',
    displayedAmountDecimal: unit,
    displayedAmountIsTaxInclusive: true,
    taxRateUuid,
    sortOrder: 0,
    active: true,
  }) as Material;
const CATEGORIES = new Map([['cat-1', { uuid: 'cat-1', name: 'Plumbing' } as Category]]);
const linked: ClientState = { kind: 'linked', customerId: 'cus_1' };
const check = (j: Job, lines: Material[], client: ClientState = linked, settings: SettingsInput = {}) =>
  checkEligibility(j, buildLines(lines, RATES), client, parseSettings(settings), CATEGORIES);

describe('which jobs are sent, and why not', () => {
  it('a completed, invoiced job with value and a linked client is sent', () => expect(check(job({}), [line('110')])).toEqual({ ok: true }));

  it.each([
    ['inactive', job({ active: false }), [line('110')], linked, {}],
    ['not_completed', job({ status: 'Work Order' }), [line('110')], linked, {}],
    ['trigger_not_reached', job({ invoiceSent: false }), [line('110')], linked, {}],
    ['category_filtered', job({}), [line('110')], linked, { rules: { filters: { jobCategories: ['Electrical'] } } }],
    ['client_quarantined', job({}), [line('110')], { kind: 'quarantined', reason: 'bad ABN' }, {}],
    ['client_unlinked', job({}), [line('110')], { kind: 'unlinked' }, {}],
    ['unknown_tax_rate', job({}), [line('110', 'gone')], linked, {}],
    ['no_lines', job({}), [], linked, {}],
    ['zero_value', job({}), [line('0')], linked, {}],
    ['negative_value', job({}), [line('-110')], linked, {}],
  ] as const)('%s', (code, j, lines, client, settings) => {
    const result = check(j, [...lines], client, settings as SettingsInput);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason).toMatch(/^Not sent/);
  });

  it('categories match by name, case-insensitively', () => {
    expect(check(job({}), [line('110')], linked, { rules: { filters: { jobCategories: ['plumbing'] } } })).toEqual({ ok: true });
  });

  it('each trigger reads its own fields', () => {
    expect(triggerReached(job({ invoiceSent: false }), 'completed')).toBe(true);
    expect(triggerReached(job({ invoiceSent: false }), 'invoice_sent')).toBe(false);
    expect(triggerReached(job({ invoiceSent: true, paymentProcessed: false }), 'approved')).toBe(false);
    expect(triggerReached(job({ paymentProcessed: true }), 'approved')).toBe(true);
    expect(triggerReached(job({ status: 'Quote', invoiceSent: true }), 'invoice_sent')).toBe(false);
  });
});
