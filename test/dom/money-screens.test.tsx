import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/app';
import { GstScreen } from '../../src/renderer/components/gst-screen';
import { InvoicesScreen } from '../../src/renderer/components/invoices-screen';
import { PaymentsScreen } from '../../src/renderer/components/payments-screen';
import { ReconciliationScreen } from '../../src/renderer/components/reconciliation-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import { formatCents, monthOf, recentMonths } from '../../src/renderer/state/money';
import type { InvoiceView, PaymentRow } from '../../src/shared/api';
import type { FindingView, GstReportView, ReconciliationReportView } from '../../src/shared/report-schemas';
import { FakeApiClient, makeStatus } from '../helpers/fake-api-client';

const ZONE = 'Australia/Sydney';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function mount(client: FakeApiClient, ui: React.ReactNode) {
  render(<ApiProvider client={client}>{ui}</ApiProvider>);
}

const rowsOf = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('row').slice(1);

describe('money words', () => {
  it('writes cents as dollars exactly, refunds with a minus, and names months', () => {
    expect(formatCents(123456789)).toBe('$1,234,567.89');
    expect(formatCents(-505)).toBe('−$5.05');
    expect(formatCents(7)).toBe('$0.07');
    expect(formatCents(null)).toBe('—');
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    // 30 Nov 14:00 UTC is already 1 December in Sydney.
    expect(monthOf(new Date('2026-11-30T14:00:00Z'), ZONE)).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T12:00:00Z'), ZONE)).toBe('2026-11');
  });
});

const payment = (overrides: Partial<PaymentRow>): PaymentRow => ({
  servicem8PaymentUuid: 'sm8-pay',
  stripePaymentId: 'ch_1',
  jobNumber: '1042',
  amountCents: 48885,
  feeCents: 0,
  feeGstCents: 0,
  paidAt: '2026-11-11T23:00:00Z',
  method: 'Card',
  state: 'synced',
  reason: 'recorded on both sides',
  ...overrides,
});

describe('payments screen', () => {
  it('shows both sides with fees, net and the state in words, asks for the picked month, and filters by state', async () => {
    const rows = [
      payment({ feeCents: 750, feeGstCents: 68 }),
      payment({
        servicem8PaymentUuid: 'sm8-2',
        stripePaymentId: 'ch_2',
        jobNumber: '1043',
        amountCents: 22000,
        state: 'servicem8_pay',
        reason: 'taken with ServiceM8 Pay',
      }),
      payment({
        servicem8PaymentUuid: null,
        stripePaymentId: 'ch_3',
        jobNumber: null,
        amountCents: -5000,
        state: 'unmatched',
        reason: 'not matched to a payment on the other side',
      }),
    ];
    const client = new FakeApiClient().handle('listPayments', ({ month }) => ({ ok: true, value: month === '2026-11' ? rows : [] }));
    mount(client, <PaymentsScreen zone={ZONE} />);
    expect(client.callsOf('listPayments')[0]).toEqual({ month: monthOf(new Date(), ZONE) });
    fireEvent.change(await screen.findByTestId('payments-month'), { target: { value: '2026-11' } });
    await vi.waitFor(() => expect(rowsOf('payments-table')).toHaveLength(3));
    const [first, second, third] = rowsOf('payments-table');
    expect(first!.textContent).toContain('Job 1042');
    expect(first!.textContent).toContain('$488.85');
    expect(first!.textContent).toContain('$7.50');
    expect(first!.textContent).toContain('incl. $0.68 GST');
    expect(first!.textContent).toContain('$481.35');
    expect(first!.textContent).toContain('Matched');
    expect(second!.textContent).toContain('ServiceM8 Pay');
    expect(third!.textContent).toContain('Refund · Stripe only');
    expect(third!.textContent).toContain('−$50.00');
    expect(third!.textContent).toContain('Not matched');
    expect(third!.textContent).toContain('No job');
    expect(screen.getByTestId('payments-amount').textContent).toBe('$658.85');
    expect(screen.getByTestId('payments-fees').textContent).toBe('$7.50');
    expect(screen.getByTestId('payments-net').textContent).toBe('$651.35');
    expect(screen.getByTestId('payments-unmatched').textContent).toBe('1');
    fireEvent.change(screen.getByTestId('payments-state'), { target: { value: 'unmatched' } });
    expect(rowsOf('payments-table')).toHaveLength(1);
    expect(screen.getByTestId('payments-count').textContent).toBe('1');
    fireEvent.change(screen.getByTestId('payments-month'), { target: { value: '2026-10' } });
    expect(await screen.findByText('No payments in October 2026.')).toBeTruthy();
  });

  it('says why when the payments cannot be read', async () => {
    const client = new FakeApiClient().handle('listPayments', () => ({
      ok: false,
      error: { code: 'failed', message: 'The data folder is locked.' },
    }));
    mount(client, <PaymentsScreen zone={ZONE} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load payments: The data folder is locked.');
  });
});

const finding = (overrides: Partial<FindingView>): FindingView => ({
  kind: 'total_mismatch',
  entity: 'invoice',
  servicem8Id: 'job-1',
  stripeId: 'in_1',
  title: 'Job 1042 — Harbour View Cafe',
  detail: 'ServiceM8 says $488.85, Stripe says $448.85.',
  firstSeenAt: '2026-11-28T03:00:00Z',
  isNew: true,
  needsPerson: true,
  ...overrides,
});

function report(id: number, findings: FindingView[], trigger: 'manual' | 'schedule' = 'manual'): ReconciliationReportView {
  const summary = {
    trigger,
    startedAt: '2026-11-30T03:00:00Z',
    finishedAt: '2026-11-30T03:00:05Z',
    findings: findings.length,
    newFindings: findings.filter((f) => f.isNew).length,
    newNeedingPerson: 0,
    byKind: {},
    linked: 40,
    questions: 0,
  };
  return { reportId: id, startedAt: summary.startedAt, finishedAt: summary.finishedAt, summary, findings };
}

describe('reconciliation screen', () => {
  it('shows the latest run split into new and still open, the history, and runs now', async () => {
    let latest: ReconciliationReportView | null = null;
    const history: { reportId: number; summary: ReconciliationReportView['summary'] }[] = [];
    const client = new FakeApiClient().handle('getReconciliation', () => ({ ok: true, value: { latest, history: [...history] } }));
    client.handle('runReconciliation', () => {
      latest = report(2, [
        finding({}),
        finding({ kind: 'missing_in_stripe', title: 'Job 1050 — Bondi Plumbing', isNew: false, needsPerson: false, stripeId: null }),
      ]);
      history.unshift({ reportId: 2, summary: latest.summary });
      return { ok: true, value: latest };
    });
    mount(client, <ReconciliationScreen zone={ZONE} />);
    expect((await screen.findByTestId('recon-empty')).textContent).toContain('No reconciliation has run yet');
    fireEvent.click(screen.getByTestId('recon-run'));
    expect(await screen.findByText('Reconciliation finished: 2 findings, 1 new since the last run.')).toBeTruthy();
    await vi.waitFor(() => expect(screen.getByTestId('recon-latest').textContent).toContain('2 findings'));
    const fresh = screen.getByTestId('recon-new');
    expect(fresh.textContent).toContain('New since the last run (1)');
    expect(fresh.textContent).toContain('Job 1042 — Harbour View Cafe');
    expect(fresh.textContent).toContain('Totals differ');
    const seen = screen.getByTestId('recon-seen');
    expect(seen.textContent).toContain('Missing in Stripe');
    expect(seen.textContent).toContain('the next sync settles it');
    expect(rowsOf('recon-history')).toHaveLength(1);
    expect(rowsOf('recon-history')[0]!.textContent).toContain('Run now');
    expect(client.callsOf('runReconciliation')).toHaveLength(1);
  });

  it('refreshes when a run ends elsewhere, and says a busy refusal in words', async () => {
    let latest: ReconciliationReportView | null = null;
    const client = new FakeApiClient().handle('getReconciliation', () => ({ ok: true, value: { latest, history: [] } }));
    client.handle('runReconciliation', () => ({
      ok: false,
      error: { code: 'busy', message: 'A sync is running; reconciliation runs right after it.' },
    }));
    mount(client, <ReconciliationScreen zone={ZONE} />);
    await screen.findByTestId('recon-empty');
    latest = report(5, [finding({ isNew: false })], 'schedule');
    client.emit('reconciliation', { reportId: 5, trigger: 'schedule', findings: 1, newFindings: 0, newNeedingPerson: 0 });
    await vi.waitFor(() => expect(screen.getByTestId('recon-latest').textContent).toContain('(scheduled)'));
    expect(screen.getByTestId('recon-seen').textContent).toContain('Job 1042');
    fireEvent.click(screen.getByTestId('recon-run'));
    expect((await screen.findByRole('alert')).textContent).toBe('A sync is running; reconciliation runs right after it.');
  });
});

function gst(month: string, basis: 'accrual' | 'cash', all: boolean): GstReportView {
  const mismatch = {
    period: month,
    basis,
    status: 'gst_differs' as const,
    reason: 'Stripe charged GST on the call-out fee; ServiceM8 did not',
    servicem8JobNumber: '1042',
    servicem8JobUuid: 'job-1',
    servicem8InvoiceDate: `${month}-05`,
    stripeInvoiceId: 'in_1',
    stripeInvoiceNumber: 'A1B2-0001',
    stripeInvoiceDate: `${month}-05`,
    paymentDate: null,
    clientName: 'Harbour View Cafe',
    clientAbn: null,
    servicem8TotalInc: 11000,
    servicem8TotalEx: 10000,
    servicem8Gst: 1000,
    stripeTotalInc: 11500,
    stripeTotalEx: 10000,
    stripeGst: 1500,
    differenceTotal: 500,
    differenceGst: 500,
    servicem8Rounding: null,
    stripeRounding: null,
    stripeFee: null,
    stripeFeeGst: null,
    payoutId: null,
    needsBuyerAbn: false,
    lastSyncedAt: null,
  };
  const matched = {
    ...mismatch,
    status: 'matched' as const,
    reason: 'matches',
    servicem8JobNumber: '1043',
    servicem8JobUuid: 'job-2',
    stripeInvoiceId: 'in_2',
  };
  return {
    month,
    basis,
    totals: {
      servicem8: { salesCents: 2_211_000, gstCents: 201_000 },
      stripe: { salesCents: 2_211_500, gstCents: 201_500 },
      difference: { salesCents: 500, gstCents: 500 },
    },
    rows: all ? [mismatch, matched] : [mismatch],
  };
}

describe('GST report screen', () => {
  it('shows G1 and 1A per side with the difference, the mismatches in words, follows month, basis and "all", and downloads the CSV', async () => {
    const client = new FakeApiClient().handle('gstReport', ({ month, basis, all }) => ({
      ok: true,
      value: gst(month, basis ?? 'cash', all ?? false),
    }));
    client.handle('exportGstCsv', ({ month }) => ({
      ok: true,
      value: { filename: `sm8sync-gst-${month}-accrual.csv`, csv: '\uFEFFPeriod\r\n' },
    }));
    mount(client, <GstScreen zone={ZONE} />);
    await screen.findByTestId('gst-totals');
    // Until the person picks, the basis is the setting's (the report says which: cash here).
    expect(screen.getByTestId<HTMLSelectElement>('gst-basis').value).toBe('cash');
    expect(client.callsOf('gstReport')[0]).toEqual({ month: monthOf(new Date(), ZONE), all: false });
    fireEvent.change(screen.getByTestId('gst-month'), { target: { value: '2026-11' } });
    fireEvent.change(screen.getByTestId('gst-basis'), { target: { value: 'accrual' } });
    await vi.waitFor(() => expect(client.callsOf('gstReport').at(-1)).toEqual({ month: '2026-11', basis: 'accrual', all: false }));
    const g1 = screen.getByTestId('gst-g1').textContent ?? '';
    expect(g1).toContain('G1 Total sales');
    expect(g1).toContain('$22,110.00');
    expect(g1).toContain('$22,115.00');
    expect(g1).toContain('$5.00');
    expect(screen.getByTestId('gst-1a').textContent).toContain('$2,010.00');
    expect(rowsOf('gst-rows')).toHaveLength(1);
    const row = rowsOf('gst-rows')[0]?.textContent ?? '';
    expect(row).toContain('Job 1042');
    expect(row).toContain('Harbour View Cafe');
    expect(row).toContain('GST differs');
    expect(row).toContain('Stripe charged GST on the call-out fee');
    expect(row).toContain('GST $15.00');
    fireEvent.click(screen.getByTestId('gst-all'));
    await vi.waitFor(() => expect(rowsOf('gst-rows')).toHaveLength(2));
    expect(rowsOf('gst-rows')[1]!.textContent).toContain('Matches');
    // A sync that ends asks again for the same choice; one still running does not.
    const asked = client.callsOf('gstReport').length;
    client.emit(
      'status',
      makeStatus({ state: 'syncing', running: { startedAt: '2026-11-30T03:00:00Z', phase: 'pull', entity: null, done: 0, total: null } }),
    );
    client.emit('status', makeStatus());
    await vi.waitFor(() => expect(client.callsOf('gstReport')).toHaveLength(asked + 1));
    expect(client.callsOf('gstReport').at(-1)).toEqual({ month: '2026-11', basis: 'accrual', all: true });

    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    fireEvent.click(screen.getByTestId('gst-export'));
    expect(await screen.findByText('Saved sm8sync-gst-2026-11-accrual.csv to your downloads.')).toBeTruthy();
    expect(names).toEqual(['sm8sync-gst-2026-11-accrual.csv']);
    expect(client.callsOf('exportGstCsv')).toEqual([{ month: '2026-11', basis: 'accrual', all: true }]);
  });

  it('says a month that matches throughout in words', async () => {
    const client = new FakeApiClient().handle('gstReport', ({ month, basis }) => ({
      ok: true,
      value: { ...gst(month, basis ?? 'accrual', false), rows: [] },
    }));
    mount(client, <GstScreen zone={ZONE} />);
    fireEvent.change(await screen.findByTestId('gst-month'), { target: { value: '2026-11' } });
    expect(await screen.findByText('Everything in November 2026 matches.')).toBeTruthy();
  });
});

const invoice = (overrides: Partial<InvoiceView>): InvoiceView => ({
  jobUuid: 'job-1',
  jobNumber: '1042',
  client: 'Harbour View Cafe',
  state: 'sent',
  reason: 'sent to the client on 5 Nov',
  stripeInvoiceId: 'in_1',
  stripeStatus: 'open',
  servicem8TotalCents: 48885,
  stripeTotalCents: 48885,
  servicem8GstCents: 4444,
  stripeGstCents: 4444,
  servicem8Url: 'https://go.servicem8.com/job/job-1',
  stripeUrl: 'https://dashboard.stripe.com/test/invoices/in_1',
  actions: [],
  failureId: null,
  ...overrides,
});

describe('invoices screen', () => {
  it('lists every job with its state and reason in words, both sides with the difference, and filters on the server', async () => {
    const rows = [
      invoice({}),
      invoice({
        jobUuid: 'job-2',
        jobNumber: '1043',
        client: 'Bondi Plumbing',
        state: 'failed',
        reason: 'Stripe refused: the customer has no email',
        stripeTotalCents: 48385,
        stripeGstCents: 4399,
      }),
      invoice({
        jobUuid: 'job-3',
        jobNumber: '1044',
        client: null,
        state: 'not_sent',
        reason: 'the job is not completed yet',
        stripeInvoiceId: null,
        stripeStatus: null,
        stripeTotalCents: null,
        stripeGstCents: null,
      }),
    ];
    const client = new FakeApiClient().handle('listInvoiceView', ({ state }) => ({
      ok: true,
      value: rows.filter((r) => !state || r.state === state),
    }));
    mount(client, <InvoicesScreen />);
    await screen.findByTestId('invoices-table');
    const [sent, failed, notSent] = rowsOf('invoices-table');
    expect(sent!.textContent).toContain('Job 1042');
    expect(sent!.textContent).toContain('Harbour View Cafe');
    expect(sent!.textContent).toContain('Sent');
    expect(within(sent!).getByTestId('invoice-difference').textContent).toBe('$0.00GST $0.00');
    expect(failed!.textContent).toContain('Failed');
    expect(failed!.textContent).toContain('Stripe refused: the customer has no email');
    expect(within(failed!).getByTestId('invoice-difference').textContent).toBe('−$5.00GST −$0.45');
    expect(notSent!.textContent).toContain('Not sent');
    expect(notSent!.textContent).toContain('No client');
    expect(within(notSent!).getByTestId('invoice-difference').textContent).toBe('—GST —');
    fireEvent.change(screen.getByTestId('invoices-state'), { target: { value: 'failed' } });
    await vi.waitFor(() => expect(rowsOf('invoices-table')).toHaveLength(1));
    expect(client.callsOf('listInvoiceView')).toEqual([{}, { state: 'failed' }]);
    fireEvent.change(screen.getByTestId('invoices-state'), { target: { value: 'waiting' } });
    expect(await screen.findByText('No invoices are waiting.')).toBeTruthy();
  });
  it('opens the job and the invoice only on the two services, and offers each row its own actions', async () => {
    let rows = [
      invoice({ actions: [] }),
      invoice({ jobUuid: 'job-2', jobNumber: '1043', state: 'failed', actions: ['retry', 'skip'], failureId: 77, stripeUrl: null }),
      invoice({ jobUuid: 'job-3', jobNumber: '1044', state: 'not_sent', actions: ['send_now', 'skip'], stripeUrl: 'javascript:alert(1)' }),
    ];
    const client = new FakeApiClient()
      .handle('listInvoiceView', () => ({ ok: true, value: rows }))
      .handle('retryFailures', { resolved: [77], failed: [] })
      .handle('chooseInvoices', ({ jobUuids, action }) => {
        rows = rows.map((r) => (r.jobUuid === jobUuids[0] ? { ...r, actions: action === 'skip' ? ['unskip'] : [] } : r));
        return { ok: true, value: { resolved: jobUuids, failed: [] } };
      })
      .handle('syncNow', () => ({ ok: false, error: { code: 'busy', message: 'A sync is running.' } }));
    mount(client, <InvoicesScreen />);
    await screen.findByTestId('invoices-table');
    const [sent, failed, held] = rowsOf('invoices-table');
    const stripeLink = within(sent!).getByRole('link', { name: /^Open in Stripe: Job 1042/ });
    expect(stripeLink.getAttribute('href')).toBe('https://dashboard.stripe.com/test/invoices/in_1');
    expect(stripeLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(stripeLink.getAttribute('target')).toBe('_blank');
    expect(
      within(sent!)
        .getByRole('link', { name: /^Open in ServiceM8: Job 1042/ })
        .getAttribute('href'),
    ).toBe('https://go.servicem8.com/job/job-1');
    expect(within(sent!).queryAllByRole('button')).toHaveLength(0);
    expect(within(failed!).queryByTestId('invoice-open-stripe')).toBeNull();
    // A URL that is not an https page of the two services is never a link.
    expect(within(held!).queryByTestId('invoice-open-stripe')).toBeNull();

    fireEvent.click(within(failed!).getByRole('button', { name: /^Retry: Job 1043/ }));
    expect(await screen.findByText('Job 1043 is sent again with the next sync.')).toBeTruthy();
    expect(client.callsOf('retryFailures')).toEqual([{ ids: [77] }]);

    fireEvent.click(within(held!).getByRole('button', { name: /^Skip: Job 1044/ }));
    expect(await screen.findByText(/Job 1044 is skipped: it will not be billed in Stripe/)).toBeTruthy();
    expect(client.callsOf('chooseInvoices')).toEqual([{ jobUuids: ['job-3'], action: 'skip' }]);
    await vi.waitFor(() => expect(within(rowsOf('invoices-table')[2]!).getByRole('button', { name: /^Don’t skip/ })).toBeTruthy());

    fireEvent.click(within(rowsOf('invoices-table')[1]!).getByRole('button', { name: /^Skip: Job 1043/ }));
    await vi.waitFor(() => expect(client.callsOf('chooseInvoices')).toHaveLength(2));
  });

  it('sends now: records the choice, then syncs; says it waits for the next sync when one cannot start', async () => {
    const rows = [invoice({ jobUuid: 'job-3', jobNumber: '1044', state: 'not_sent', actions: ['send_now', 'skip'], stripeUrl: null })];
    const client = new FakeApiClient()
      .handle('listInvoiceView', () => ({ ok: true, value: rows }))
      .handle('chooseInvoices', ({ jobUuids }) => ({ ok: true, value: { resolved: jobUuids, failed: [] } }))
      .handle('syncNow', () => ({ ok: false, error: { code: 'busy', message: 'A sync is running.' } }));
    mount(client, <InvoicesScreen />);
    fireEvent.click(await screen.findByRole('button', { name: /^Send now: Job 1044/ }));
    expect(await screen.findByText('Job 1044 goes to Stripe with the next sync (A sync is running).')).toBeTruthy();
    expect(client.callsOf('chooseInvoices')).toEqual([{ jobUuids: ['job-3'], action: 'send_now' }]);
    expect(client.callsOf('syncNow')).toEqual([{ dryRun: false }]);
  });
});

describe('navigation to the money screens', () => {
  it('offers each money screen in the nav, in order, and opens it', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('getActivityChart', []).handle('listActivity', []);
    client.handle('listInvoiceView', []).handle('listPayments', []);
    client.handle('getReconciliation', { latest: null, history: [] });
    client.handle('gstReport', ({ month }) => ({ ok: true, value: { ...gst(month, 'accrual', false), rows: [] } }));
    render(<App client={client} />);
    const nav = await screen.findByRole('navigation', { name: 'Screens' });
    const labels = within(nav)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(labels).toEqual([
      'Status',
      'Needs you',
      'Invoices',
      'Payments',
      'Reconciliation',
      'GST report',
      'Activity',
      'Settings',
      'Connect',
    ]);
    for (const [tab, heading] of [
      ['invoices', 'Invoices'],
      ['payments', 'Payments'],
      ['reconciliation', 'Reconciliation'],
      ['gst', 'GST report'],
    ] as const) {
      fireEvent.click(screen.getByTestId(`tab-${tab}`));
      expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeTruthy();
      expect(screen.getByTestId(`tab-${tab}`).getAttribute('aria-current')).toBe('page');
    }
  });
});
