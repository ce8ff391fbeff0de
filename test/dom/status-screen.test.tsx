import { cleanup, act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import type { SyncResult } from '../../src/shared/api';
import { FakeApiClient, makeStatus } from '../helpers/fake-api-client';

afterEach(cleanup);

const result: SyncResult = {
  runId: 7,
  dryRun: false,
  state: 'completed',
  startedAt: '2026-11-24T03:00:00.000Z',
  finishedAt: '2026-11-24T03:00:05.000Z',
  entities: [
    {
      entity: 'client',
      pulled: { servicem8: 3, stripe: 1 },
      created: { servicem8: 0, stripe: 2 },
      updated: { servicem8: 1, stripe: 0 },
      linked: 2,
      conflicts: 1,
      quarantined: 0,
      failed: 0,
    },
  ],
  plan: [],
  error: null,
};

describe('status screen', () => {
  it('shows times in the business time zone, counts and the ServiceM8 budget', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus({ businessTimeZone: 'Australia/Perth' })).handle('listActivity', []);
    render(<App client={client} />);
    const hero = await screen.findByTestId('status-hero');
    expect(hero.className).toContain('state-in_sync');
    // 03:00 UTC is 11:00 am in Perth.
    expect(screen.getByText('Last good sync').nextElementSibling?.textContent).toMatch(/24 Nov 2026.*11:00\s?am AWST/);
    expect(screen.getByText('ServiceM8 requests').nextElementSibling?.textContent).toBe('4/180 this minute · 1,200/20,000 today');
    expect(screen.getByText('Times are shown in Australia/Perth.')).toBeTruthy();
  });

  it('Sync now runs a sync, announces progress and the outcome in live regions', async () => {
    let finish!: (value: { ok: true; value: SyncResult }) => void;
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []);
    client.handle('syncNow', () => new Promise((resolve) => (finish = resolve)));
    render(<App client={client} />);
    const button = await screen.findByTestId('sync-now');
    fireEvent.click(button);
    expect(button.textContent).toBe('Syncing…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    act(() =>
      client.emit(
        'status',
        makeStatus({
          state: 'syncing',
          headline: 'Syncing clients…',
          running: { startedAt: '2026-11-24T03:00:00.000Z', phase: 'pull', entity: 'clients', done: 2, total: 5 },
        }),
      ),
    );
    const progress = screen.getByTestId('sync-progress');
    expect(progress.getAttribute('aria-live')).toBe('polite');
    expect(progress.textContent).toContain('pull · clients · 2 of 5');
    await act(() => {
      finish({ ok: true, value: result });
      return Promise.resolve();
    });
    expect((await screen.findByTestId('sync-notice')).textContent).toBe('Sync finished: 2 created, 1 updated, 1 to approve.');
    expect(client.callsOf('syncNow')).toEqual([{ dryRun: false }]);
  });

  it('shows a refused sync as an error, and Pause/Resume flips the setting', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []);
    client.handle('syncNow', () => ({ ok: false, error: { code: 'failed', message: 'ServiceM8 rejected the API key' } }));
    client.handle('setPaused', ({ paused }) => ({
      ok: true,
      value: makeStatus(paused ? { state: 'paused', paused: true, headline: 'Sync is paused.', nextSyncAt: null } : {}),
    }));
    render(<App client={client} />);
    fireEvent.click(await screen.findByTestId('sync-now'));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toBe('ServiceM8 rejected the API key');
    fireEvent.click(screen.getByTestId('pause-toggle'));
    expect(await screen.findByRole('heading', { name: 'Paused' })).toBeTruthy();
    expect(within(screen.getByTestId('status-hero')).getByText('Sync is paused.')).toBeTruthy();
    expect(screen.getByTestId('pause-toggle').textContent).toBe('Resume sync');
    fireEvent.click(screen.getByTestId('pause-toggle'));
    expect(await screen.findByRole('heading', { name: 'In sync' })).toBeTruthy();
    expect(client.callsOf('setPaused')).toEqual([{ paused: true }, { paused: false }]);
  });
});
