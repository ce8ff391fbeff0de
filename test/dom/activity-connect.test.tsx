import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityScreen } from '../../src/renderer/components/activity-screen';
import { ConnectScreen } from '../../src/renderer/components/connect-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import type { ActivityEntry, Connection } from '../../src/shared/api';
import { FakeApiClient } from '../helpers/fake-api-client';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const entry = (id: number, overrides: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id,
  at: '2026-11-24T03:00:00.000Z',
  direction: 'servicem8_to_stripe',
  entity: 'client',
  operation: 'update',
  servicem8Id: `sm8-${id}`,
  stripeId: `cus_${id}`,
  before: null,
  after: null,
  outcome: 'success',
  message: null,
  ...overrides,
});

function mount(client: FakeApiClient, ui: React.ReactNode) {
  render(<ApiProvider client={client}>{ui}</ApiProvider>);
}

describe('activity screen', () => {
  it('shows who and what in words, searches and filters on the server, and exports the CSV as a download', async () => {
    const entries = [
      entry(1, { message: 'Updated the Stripe customer: Phone 0412 345 678 → 0412 345 999', name: 'Harbour Plumbing' }),
      entry(2, { entity: 'payment', operation: 'create', outcome: 'failed', message: 'Amount mismatch', name: null }),
    ];
    // The server filters (and searches names); what this screen owns is asking for it and showing the answer.
    const client = new FakeApiClient().handle('listActivity', ({ outcome, search }) => ({
      ok: true,
      value: entries.filter((e) => (!outcome || e.outcome === outcome) && (!search || (e.name ?? '').toLowerCase().includes(search))),
    }));
    client.handle('exportActivityCsv', { filename: 'sm8sync-activity-2026-11-24.csv', csv: '\uFEFFTime\r\n' });
    mount(client, <ActivityScreen zone="Australia/Sydney" />);
    const table = await screen.findByTestId('activity-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const first = within(table).getAllByRole('row')[1]!;
    expect(first.textContent).toContain('Harbour Plumbing');
    expect(first.textContent).toContain('Phone 0412 345 678 → 0412 345 999');
    expect(first.textContent).toContain('Done');
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('Failed');
    fireEvent.change(screen.getByTestId('activity-search'), { target: { value: 'harbour' } });
    await vi.waitFor(() => expect(within(screen.getByTestId('activity-table')).getAllByRole('row')).toHaveLength(2));
    expect(client.callsOf('listActivity').at(-1)).toEqual({ limit: 500, search: 'harbour' });
    fireEvent.change(screen.getByTestId('activity-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('activity-outcome'), { target: { value: 'failed' } });
    await vi.waitFor(() => expect(client.callsOf('listActivity').at(-1)).toEqual({ limit: 500, outcome: 'failed' }));
    await vi.waitFor(() => expect(within(screen.getByTestId('activity-table')).getAllByRole('row')).toHaveLength(2));

    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('sm8sync-activity-2026-11-24.csv');
    });
    fireEvent.click(screen.getByTestId('activity-export'));
    expect(await screen.findByText('Saved sm8sync-activity-2026-11-24.csv to your downloads.')).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });
});

describe('connect screen', () => {
  const off = (service: Connection['service']): Connection => ({
    service,
    connected: false,
    method: null,
    source: null,
    account: null,
    endpoint: 'https://example.test',
  });

  it('lists the Stripe permissions, shows a failed test, and clears the key once saved', async () => {
    let stripe = off('stripe');
    const client = new FakeApiClient().handle('getConnections', () => ({ ok: true, value: [off('servicem8'), stripe] }));
    client.handle('connectStripe', ({ apiKey }) => {
      if (apiKey !== 'rk_test_good123')
        return {
          ok: true,
          value: {
            service: 'stripe',
            ok: false,
            message: "Stripe didn't accept this key — check it in the Stripe Dashboard → Developers → API keys.",
            account: null,
          },
        };
      stripe = { ...stripe, connected: true, method: 'restricted_key', source: 'keychain', account: 'Harbour Plumbing', testMode: true };
      return { ok: true, value: { service: 'stripe', ok: true, message: 'Connected.', account: 'Harbour Plumbing' } };
    });
    mount(client, <ConnectScreen />);
    const permissions = await screen.findByTestId('stripe-permissions');
    expect(
      within(permissions)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toContain('InvoicesWrite');
    expect(
      within(permissions)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toContain('EventsRead');
    const input = screen.getByTestId<HTMLInputElement>('key-stripe');
    expect(input.type).toBe('password');
    // A key that cannot be a Stripe key is caught before sending, tied to the field.
    fireEvent.change(input, { target: { value: 'pk_live_abc' } });
    fireEvent.click(screen.getByTestId('save-stripe'));
    const early = await screen.findByRole('alert');
    expect(early.textContent).toContain('That is a publishable key');
    expect(input.getAttribute('aria-describedby')).toBe(early.id);
    expect(client.callsOf('connectStripe')).toEqual([]);
    fireEvent.change(input, { target: { value: 'rk_test_bad999' } });
    fireEvent.click(screen.getByTestId('save-stripe'));
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        "Stripe didn't accept this key — check it in the Stripe Dashboard → Developers → API keys.",
      ),
    );
    expect(input.value).toBe('rk_test_bad999');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'rk_test_good123' } });
    fireEvent.click(screen.getByTestId('save-stripe'));
    expect(await screen.findByText("Connected to Harbour Plumbing. The key is saved in this computer's keychain.")).toBeTruthy();
    expect(input.value).toBe('');
    expect(screen.getByTestId('connection-state-stripe').textContent).toBe('Connected');
    expect(screen.getByTestId('connection-how-stripe').textContent).toBe(
      "Harbour Plumbing · restricted key, saved in this computer's keychain.",
    );
    expect(screen.getByTestId('stripe-test-mode').textContent).toContain('nothing real is charged');
    expect(document.body.textContent).not.toMatch(/rk_test_good123|example\.test/);
    // Disconnect asks first.
    fireEvent.click(screen.getByTestId('disconnect-stripe'));
    expect(screen.getByTestId('confirm-disconnect-stripe').textContent).toContain('Syncing stops until you connect it again');
    expect(client.callsOf('disconnect')).toEqual([]);
  });
});
