import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
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

  it('opens on Get started on a first run, never green, and lets the person move between screens', async () => {
    const client = connectionsFake(new FakeApiClient()).handle(
      'getStatus',
      makeStatus({
        state: 'not_connected',
        headline: 'Connect ServiceM8 and Stripe to start syncing',
        lastGoodSyncAt: null,
        lastSyncAt: null,
      }),
    );
    client.handle('listActivity', []).handle('listConflicts', []).handle('listQuarantine', []).handle('listFailures', []);
    client.handle('getActivityChart', []).handle('getSettings', DEFAULT_SETTINGS);
    render(<App client={client} />);
    expect(await screen.findByRole('heading', { name: 'Get started' })).toBeTruthy();
    expect(screen.getByTestId('tab-setup').getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('Step 1: Connect ServiceM8 and Stripe')).toBeTruthy();
    fireEvent.click(screen.getByTestId('tab-status'));
    expect(await screen.findByRole('heading', { name: 'Connect ServiceM8 and Stripe to start syncing' })).toBeTruthy();
    expect(screen.getByTestId('status-hero').className).not.toContain('state-in_sync');
    fireEvent.click(screen.getByTestId('tab-needs'));
    expect(await screen.findByTestId('conflicts-empty')).toBeTruthy();
    expect(await screen.findByTestId('quarantine-empty')).toBeTruthy();
    expect(await screen.findByTestId('failures-empty')).toBeTruthy();
  });

  it('opens on Status when connected and follows status events', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []).handle('getActivityChart', []);
    render(<App client={client} />);
    expect(await screen.findByRole('heading', { name: 'In sync' })).toBeTruthy();
    act(() =>
      client.emit(
        'status',
        makeStatus({
          state: 'needs_approval',
          headline: 'Needs you: 2 decisions, 1 record to fix',
          counts: {
            linked: [{ entity: 'client', label: 'Clients', count: 12 }],
            pendingWrites: 0,
            openConflicts: 2,
            quarantined: 1,
            needsAttention: 0,
          },
        }),
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Needs you: 2 decisions, 1 record to fix' })).toBeTruthy();
    // The tab counts the same things as the headline.
    expect(screen.getByLabelText('3 waiting').textContent).toBe('3');
    expect(screen.getByTestId('open-needs').textContent).toBe('Open Needs you (3)');
  });
});
