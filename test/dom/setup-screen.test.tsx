// First run, step 2: the tick shows only once the choices were really saved — not when
// the save was refused, and not again after a later save fails.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SetupScreen } from '../../src/renderer/components/setup-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import type { StatusState } from '../../src/renderer/state/use-status';
import { parseSettings } from '../../src/shared/settings';
import { FakeApiClient, makeStatus } from '../helpers/fake-api-client';

afterEach(cleanup);

const state: StatusState = {
  status: makeStatus({ state: 'not_synced', lastGoodSyncAt: null }),
  loadError: null,
  busy: null,
  notice: null,
  syncNow: () => Promise.resolve(),
  togglePause: () => Promise.resolve(),
};

describe('first run: step 2', () => {
  it('ticks only after a save that succeeded', async () => {
    let accept = false;
    const client = new FakeApiClient()
      .handle('getSettings', parseSettings({}))
      .handle('getConnections', [])
      .handle('updateSettings', (next) =>
        accept
          ? { ok: true, value: parseSettings(next) }
          : { ok: false, error: { code: 'failed', message: 'the settings file is read-only' } },
      );
    render(
      <ApiProvider client={client}>
        <SetupScreen state={state} onDone={() => undefined} />
      </ApiProvider>,
    );
    const step = await screen.findByTestId('step-2');
    fireEvent.click(await screen.findByTestId('setup-save'));
    expect(await screen.findByText('The settings were not saved: the settings file is read-only')).toBeTruthy();
    expect(step.textContent).not.toContain('(done)');
    expect(step.querySelector('.step-number')?.textContent).toBe('2');

    accept = true;
    fireEvent.click(screen.getByTestId('setup-save'));
    await vi.waitFor(() => expect(step.textContent).toContain('(done)'));
    expect(step.querySelector('.step-number')?.textContent).toBe('✓');

    accept = false;
    fireEvent.click(screen.getByTestId('setup-save'));
    expect(await screen.findByText('The settings were not saved: the settings file is read-only')).toBeTruthy();
    expect(step.textContent).not.toContain('(done)');
  });
});
