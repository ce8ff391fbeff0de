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
  it('filters by outcome on the server and by text here, and exports the CSV as a download', async () => {
    const entries = [
      entry(1, { message: 'Harbour Plumbing phone updated' }),
      entry(2, { entity: 'payment', operation: 'create', outcome: 'failed', message: 'Amount mismatch' }),
    ];
    // The server filters by outcome; what this screen owns is asking for it (checked below).
    const client = new FakeApiClient().handle('listActivity', ({ outcome }) => ({
      ok: true,
      value: outcome === 'failed' ? [entries[1]!] : entries,
    }));
    client.handle('exportActivityCsv', { filename: 'sm8sync-activity-2026-11-24.csv', csv: '\uFEFFTime\r\n' });
    mount(client, <ActivityScreen zone="Australia/Sydney" />);
    const table = await screen.findByTestId('activity-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    fireEvent.change(screen.getByTestId('activity-search'), { target: { value: 'harbour' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('activity-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('activity-outcome'), { target: { value: 'failed' } });
    await vi.waitFor(() => expect(within(screen.getByTestId('activity-table')).getAllByRole('row')).toHaveLength(2));
    expect(client.callsOf('listActivity').at(-1)).toEqual({ limit: 500, outcome: 'failed' });

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
        return { ok: true, value: { service: 'stripe', ok: false, message: 'Stripe rejected the key (401).', account: null } };
      stripe = { ...stripe, connected: true, method: 'restricted_key', source: 'keychain', account: 'Harbour Plumbing' };
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
    fireEvent.change(input, { target: { value: 'rk_test_bad999' } });
    fireEvent.click(screen.getByTestId('save-stripe'));
    expect((await screen.findByRole('alert')).textContent).toBe('Stripe rejected the key (401).');
    expect(input.value).toBe('rk_test_bad999');
    fireEvent.change(input, { target: { value: 'rk_test_good123' } });
    fireEvent.click(screen.getByTestId('save-stripe'));
    expect(await screen.findByText('Connected to Harbour Plumbing. The key is saved in the OS keychain.')).toBeTruthy();
    expect(input.value).toBe('');
    expect(screen.getByTestId('connection-state-stripe').textContent).toBe('Connected · restricted key in OS keychain');
    expect(document.body.textContent).not.toContain('rk_test_good123');
  });
});
