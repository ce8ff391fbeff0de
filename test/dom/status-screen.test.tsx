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
    const client = new FakeApiClient()
      .handle('getStatus', makeStatus({ businessTimeZone: 'Australia/Perth' }))
      .handle('listActivity', [])
      .handle('getActivityChart', [{ day: '2026-11-24', label: '24 Nov', writes: 3, failures: 1, findings: 2 }]);
    render(<App client={client} />);
    const hero = await screen.findByTestId('status-hero');
    expect(hero.className).toContain('state-in_sync');
    // 03:00 UTC is 11:00 am in Perth.
    expect(within(hero).getByRole('heading', { level: 2 }).textContent).toBe('In sync');
    expect(hero.textContent).toMatch(/Last good sync: 24 Nov 2026.*11:00\s?am AWST/);
    expect(screen.getByText('ServiceM8 requests').nextElementSibling?.textContent).toBe('4/180 this minute18,800 of 20,000 left today');
    expect(screen.getByTestId('linked-client').textContent).toBe('12 linked');
    // The chart's totals are in words beside it.
    expect((await screen.findByTestId('chart-totals')).textContent).toContain('3 writes · 1 failure · 2 findings');
    expect(screen.getByText('Times are shown in Australia/Perth.')).toBeTruthy();
  });

  it('Sync now runs a sync, announces progress and the outcome in live regions', async () => {
    let finish!: (value: { ok: true; value: SyncResult }) => void;
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []).handle('getActivityChart', []);
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
          running: {
            startedAt: '2026-11-24T03:00:00.000Z',
            phase: 'apply',
            entity: 'client',
            done: 2,
            total: 5,
            label: 'clients',
            text: 'Sending changes · clients · 2 of 5 · 18,800 ServiceM8 requests left today',
          },
        }),
      ),
    );
    const progress = screen.getByTestId('sync-progress');
    expect(progress.getAttribute('aria-live')).toBe('polite');
    expect(progress.textContent).toContain('Sending changes · clients · 2 of 5 · 18,800 ServiceM8 requests left today');
    expect(progress.querySelector('progress')?.getAttribute('value')).toBe('2');
    await act(() => {
      finish({ ok: true, value: result });
      return Promise.resolve();
    });
    expect((await screen.findByTestId('sync-notice')).textContent).toBe('Sync finished: 2 created, 1 updated.');
    expect(client.callsOf('syncNow')).toEqual([{ dryRun: false }]);
  });

  it('shows a refused sync as an error, and Pause/Resume flips the setting', async () => {
    const client = new FakeApiClient().handle('getStatus', makeStatus()).handle('listActivity', []).handle('getActivityChart', []);
    client.handle('syncNow', () => ({ ok: false, error: { code: 'failed', message: 'ServiceM8 rejected the API key' } }));
    client.handle('setPaused', ({ paused }) => ({
      ok: true,
      value: makeStatus(
        paused ? { state: 'paused', paused: true, headline: 'Paused — Sync now still sends changes when you ask', nextSyncAt: null } : {},
      ),
    }));
    render(<App client={client} />);
    fireEvent.click(await screen.findByTestId('sync-now'));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toBe('ServiceM8 rejected the API key');
    fireEvent.click(screen.getByTestId('pause-toggle'));
    expect(await screen.findByRole('heading', { name: 'Paused — Sync now still sends changes when you ask' })).toBeTruthy();
    expect(screen.getByText('Next sync').nextElementSibling?.textContent).toBe('Paused');
    expect(screen.getByTestId('pause-toggle').textContent).toBe('Resume scheduled syncs');
    fireEvent.click(screen.getByTestId('pause-toggle'));
    expect(await screen.findByRole('heading', { name: 'In sync' })).toBeTruthy();
    expect(client.callsOf('setPaused')).toEqual([{ paused: true }, { paused: false }]);
  });
});
