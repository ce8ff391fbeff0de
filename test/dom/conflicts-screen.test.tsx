import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictsScreen } from '../../src/renderer/components/conflicts-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import type { ConflictView } from '../../src/shared/api';
import { FakeApiClient } from '../helpers/fake-api-client';

afterEach(cleanup);

function conflict(id: number, overrides: Partial<ConflictView> = {}): ConflictView {
  return {
    id,
    kind: 'field',
    entity: 'client',
    title: `Client ${id}`,
    field: 'phone',
    detail: null,
    servicem8: { id: `sm8-${id}`, value: '0412 345 678', editedAt: '2026-11-24T01:00:00.000Z' },
    stripe: { id: `cus_${id}`, value: '0412 345 999', editedAt: '2026-11-23T22:30:00.000Z' },
    candidates: [],
    kindLabel: 'Different values',
    actions: [
      { name: 'keep_servicem8', label: 'Keep ServiceM8', effect: 'Write the ServiceM8 phone to the Stripe customer.', candidateIds: null },
      { name: 'keep_stripe', label: 'Keep Stripe', effect: 'Write the Stripe phone to the ServiceM8 client.', candidateIds: null },
    ],
    state: 'open',
    resolution: null,
    createdAt: '2026-11-24T02:00:00.000Z',
    ...overrides,
  };
}

function setup(list: ConflictView[]) {
  let current = list;
  const client = new FakeApiClient().handle('listConflicts', () => ({ ok: true, value: current }));
  client.handle('resolveConflicts', ({ ids, take, action }) => {
    // Like the app service: #99 is refused and stays open; the others are resolved.
    current = current.map((c) =>
      ids.includes(c.id) && c.id !== 99 && c.state === 'open' ? { ...c, state: 'resolved', resolution: take ?? action ?? null } : c,
    );
    return {
      ok: true,
      value: { resolved: ids.filter((id) => id !== 99), failed: ids.includes(99) ? [{ id: 99, reason: 'already resolved' }] : [] },
    };
  });
  render(
    <ApiProvider client={client}>
      <ConflictsScreen zone="Australia/Sydney" />
    </ApiProvider>,
  );
  return client;
}

describe('conflicts screen', () => {
  it('never shows a time that is not the person’s: an unknown Stripe edit time says where, a deletion says deleted and when', async () => {
    setup([
      conflict(1, { stripe: { id: 'cus_1', value: '0412 345 999', editedAt: null } }),
      conflict(2, {
        kind: 'deletion',
        field: null,
        kindLabel: 'Deleted in Stripe',
        servicem8: { id: 'sm8-2', value: 'Gone Pty Ltd', editedAt: null },
        stripe: { id: 'cus_2', value: null, editedAt: '2026-11-23T22:30:00.000Z' },
      }),
    ]);
    const unknown = await screen.findByTestId('conflict-stripe-1');
    expect(unknown.textContent).toBe('Stripe0412 345 999edited in Stripe');
    const deleted = screen.getByTestId('conflict-stripe-2');
    expect(deleted.textContent).toMatch(/^StripeDeleted in Stripedeleted 24 Nov 2026.*9:30\s?am AEDT$/);
    expect(deleted.textContent).not.toContain('(empty)');
  });

  it('shows both sides with edit times and highlights only the difference', async () => {
    setup([conflict(1)]);
    const sm8 = await screen.findByTestId('conflict-servicem8-1');
    expect(sm8.querySelector('mark')?.textContent).toBe('678');
    expect(within(screen.getByTestId('conflict-stripe-1')).getByText('999').tagName).toBe('MARK');
    // 01:00 UTC is 12:00 pm in Sydney (AEDT).
    expect(sm8.textContent).toMatch(/edited 24 Nov 2026.*12:00\s?pm AEDT/);
    expect(screen.getByTestId('conflict-stripe-1').textContent).toMatch(/edited 24 Nov 2026.*9:30\s?am AEDT/);
  });

  it('decides one row, then shows it as applying at the next sync', async () => {
    const client = setup([conflict(1), conflict(2)]);
    fireEvent.click(await screen.findByTestId('keep-stripe-2'));
    expect(await screen.findByTestId('conflict-pending-2')).toBeTruthy();
    expect(screen.getByTestId('conflict-pending-2').textContent).toBe(
      'Decided: Keep Stripe · applies at next sync (you can still change it)',
    );
    // The decision stays changeable, and the chosen one is marked.
    expect(screen.getByTestId('keep-stripe-2').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('keep-servicem8-2')).toBeTruthy();
    expect(client.callsOf('resolveConflicts')).toEqual([{ ids: [2], action: 'keep_stripe' }]);
    expect(screen.getByTestId('conflicts-notice').textContent).toBe('Kept Stripe for 1 conflict; applies at the next sync.');
    expect(screen.getByTestId('keep-servicem8-1')).toBeTruthy();
  });

  it('bulk-approves the selected rows with one decision and reports per-row failures', async () => {
    const client = setup([conflict(1), conflict(2), conflict(99), conflict(3, { state: 'resolved', resolution: 'servicem8' })]);
    // Nothing selected: no bulk decision offered yet.
    await screen.findByTestId('conflict-select-1');
    expect(screen.queryByTestId('bulk-keep-servicem8')).toBeNull();
    expect(screen.queryByTestId('conflict-select-3')).toBeNull();
    fireEvent.click(screen.getByTestId('conflict-select-1'));
    fireEvent.click(screen.getByTestId('conflict-select-99'));
    expect(screen.getByText('2 selected')).toBeTruthy();
    const bulk = screen.getByTestId<HTMLButtonElement>('bulk-keep-servicem8');
    expect(bulk.textContent).toBe('Keep ServiceM8 for 2 selected');
    fireEvent.click(bulk);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(client.callsOf('resolveConflicts')).toEqual([{ ids: [1, 99], action: 'keep_servicem8' }]);
    expect(screen.getByRole('alert').textContent).toContain('#99 already resolved');
    // Select all takes every still-open row only: #2 and the refused #99.
    fireEvent.click(screen.getByTestId('conflict-select-all'));
    expect(screen.getByText('2 selected')).toBeTruthy();
  });

  it('lists the candidates of a duplicate', async () => {
    setup([
      conflict(5, {
        kind: 'duplicate',
        field: null,
        candidates: [
          { side: 'stripe', id: 'cus_a', name: 'Harbour Plumbing', email: 'ops@harbour.example' },
          { side: 'stripe', id: 'cus_b', name: null, email: null },
        ],
        kindLabel: 'Possible duplicate',
        actions: [
          { name: 'link', label: 'Link to this one', effect: 'Treat them as the same client.', candidateIds: ['cus_b'] },
          { name: 'keep_separate', label: 'Keep separate', effect: 'Create a separate Stripe customer.', candidateIds: null },
        ],
      }),
    ]);
    const list = await screen.findByRole('list', { name: 'Stripe candidates' });
    const items = within(list).getAllByRole('listitem');
    // Names, not ids.
    expect(items.map((li) => li.firstChild?.textContent)).toEqual(['Harbour Plumbing', 'No name']);
    expect(items[0]!.textContent).toBe('Harbour Plumbingops@harbour.example');
    expect(screen.getByTestId('conflict-servicem8-5').textContent).toMatch(/^ServiceM8This recordedited /);
    expect(screen.getByText(/Possible duplicate/)).toBeTruthy();
  });

  it('offers only the actions the engine offers, a link per linkable candidate, and sends the chosen candidate', async () => {
    const client = setup([
      conflict(6, {
        kind: 'duplicate',
        field: null,
        candidates: [
          { side: 'stripe', id: 'cus_a', name: 'Linked elsewhere', email: null },
          { side: 'stripe', id: 'cus_b', name: 'Free', email: null },
        ],
        kindLabel: 'Possible duplicate',
        actions: [
          { name: 'link', label: 'Link to this one', effect: 'Treat them as the same client.', candidateIds: ['cus_b'] },
          { name: 'keep_separate', label: 'Keep separate', effect: 'Create a separate Stripe customer.', candidateIds: null },
        ],
      }),
    ]);
    expect(await screen.findByTestId('link-6-cus_b')).toBeTruthy();
    expect(screen.queryByTestId('link-6-cus_a')).toBeNull();
    expect(screen.queryByTestId('keep-stripe-6')).toBeNull();
    // What each decision does is written out and tied to its button.
    const described = screen.getByTestId('keep-separate-6').getAttribute('aria-describedby')!;
    expect(document.getElementById(described)?.textContent).toBe('Keep separate: Create a separate Stripe customer.');
    fireEvent.click(screen.getByTestId('link-6-cus_b'));
    expect(await screen.findByTestId('conflict-pending-6')).toBeTruthy();
    expect(client.callsOf('resolveConflicts')).toEqual([{ ids: [6], action: 'link', candidate: 'cus_b' }]);
  });
});
