// The Needs you lists over the shared live-list hook: a refused write retried leaves
// the list and the selection, the notice says what happened, and a load that failed
// is shown until a later load works.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailureView } from '../../src/shared/api';
import { NeedsScreen } from '../../src/renderer/components/needs-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import { FakeApiClient } from '../helpers/fake-api-client';

afterEach(cleanup);

const refused = (id: number): FailureView => ({
  id,
  entity: 'client',
  target: 'stripe',
  operation: 'update_customer',
  title: `Client ${id}`,
  what: 'Updated the Stripe customer: Email',
  reason: 'Stripe refused the email',
  attempts: 1,
  failedAt: '2026-11-24T01:00:00.000Z',
});

describe('needs you: the live lists', () => {
  it('retries the selected refused write, drops it from the list and the selection, and says so', async () => {
    let open = [refused(1), refused(2)];
    const client = new FakeApiClient()
      .handle('listConflicts', [])
      .handle('listQuarantine', [])
      .handle('listFailures', () => ({ ok: true, value: open }))
      .handle('retryFailures', ({ ids }) => {
        open = open.filter((f) => !ids.includes(f.id));
        return { ok: true, value: { resolved: ids, failed: [] } } as never;
      });
    render(
      <ApiProvider client={client}>
        <NeedsScreen zone="Australia/Sydney" />
      </ApiProvider>,
    );
    const card = await screen.findByTestId('failure-1');
    fireEvent.click(card.querySelector('input[type="checkbox"]')!);
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.click(screen.getByTestId('bulk-retry'));
    await waitFor(() => expect(screen.queryByTestId('failure-1')).toBeNull());
    expect(client.callsOf('retryFailures')).toEqual([{ ids: [1] }]);
    expect(screen.getByTestId('failures-notice').textContent).toContain('1 refused write will be sent again at the next sync.');
    expect(screen.getByText('Select several to act on them at once')).toBeTruthy();
    expect(screen.getByTestId('failure-2')).toBeTruthy();
  });

  it('shows a load error until a later load works', async () => {
    let fail = true;
    const client = new FakeApiClient()
      .handle('listConflicts', [])
      .handle('listFailures', [])
      .handle('listQuarantine', () =>
        fail ? { ok: false, error: { code: 'failed', message: 'The store is locked.' } } : { ok: true, value: [] },
      );
    render(
      <ApiProvider client={client}>
        <NeedsScreen zone="Australia/Sydney" />
      </ApiProvider>,
    );
    const section = await screen.findByTestId('quarantine-section');
    await waitFor(() => expect(section.textContent).toContain('The store is locked.'));
    fail = false;
    client.emit('conflictsChanged', { open: 0 });
    await screen.findByTestId('quarantine-empty');
    expect(section.textContent).not.toContain('The store is locked.');
  });
});
