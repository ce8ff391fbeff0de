import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import { FakeApiClient, makeStatus } from '../helpers/fake-api-client';

afterEach(cleanup);

function connectionsFake(client: FakeApiClient) {
  return client.handle('getConnections', [
    { service: 'servicem8', connected: false, method: null, source: null, account: null, endpoint: 'https://api.servicem8.com' },
    { service: 'stripe', connected: false, method: null, source: null, account: null, endpoint: 'https://api.stripe.com' },
  ]);
}

describe('app shell', () => {
  it('without a client, explains how to open the UI and makes no calls', () => {
    render(<App client={null} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('sm8sync');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Open sm8sync from its address');
  });

  it('opens on Connect while a service is missing, and lets the person move between screens', async () => {
    const client = connectionsFake(new FakeApiClient()).handle(
      'getStatus',
      makeStatus({ state: 'not_connected', headline: 'Connect ServiceM8 and Stripe to start syncing.' }),
    );
    client.handle('listActivity', []).handle('listConflicts', []);
    render(<App client={client} />);
    expect(await screen.findByRole('heading', { name: 'Connect' })).toBeTruthy();
    expect(screen.getByTestId('tab-connect').getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByTestId('tab-status'));
    expect(await screen.findByRole('heading', { name: 'Not connected' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('tab-conflicts'));
    expect(await screen.findByTestId('conflicts-empty')).toBeTruthy();
  });

  it('opens on Status when connected and follows status events', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []);
    render(<App client={client} />);
    expect(await screen.findByRole('heading', { name: 'In sync' })).toBeTruthy();
    client.emit(
      'status',
      makeStatus({
        state: 'needs_approval',
        headline: '2 conflicts need your decision.',
        counts: {
          linked: [{ entity: 'client', label: 'Clients', count: 12 }],
          pendingWrites: 0,
          openConflicts: 2,
          quarantined: 0,
          needsAttention: 0,
        },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Needs approval' })).toBeTruthy();
    expect(screen.getByLabelText('2 open').textContent).toBe('2');
  });
});
