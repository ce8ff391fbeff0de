// Needs you: a refused write reads in words — no request line, status code, field name
// or record id — while `failures --json` keeps the API's own reason (the contract).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NeedsScreen } from '../../src/renderer/components/needs-screen';
import { ApiProvider } from '../../src/renderer/state/api-context';
import { FakeApiClient } from '../helpers/fake-api-client';

afterEach(cleanup);

describe('needs you: refused writes', () => {
  it('says what was refused in plain words', async () => {
    const client = new FakeApiClient()
      .handle('listConflicts', [])
      .handle('listQuarantine', [])
      .handle('listFailures', [
        {
          id: 7,
          entity: 'client',
          target: 'servicem8',
          operation: 'update_client',
          title: 'Harbour View Cafe Pty Ltd',
          what: 'Updated the ServiceM8 client: Address',
          reason: 'ServiceM8 POST /company/3f2a.json failed (400): Invalid value for address_street',
          attempts: 1,
          failedAt: '2026-11-24T01:00:00.000Z',
        },
      ]);
    render(
      <ApiProvider client={client}>
        <NeedsScreen zone="Australia/Sydney" />
      </ApiProvider>,
    );
    const card = await screen.findByTestId('failure-7');
    const problem = card.querySelector('.problem')!.textContent;
    expect(problem).toBe('ServiceM8 did not accept the address.');
    for (const jargon of ['POST', '/company', '400', 'address_street']) expect(card.textContent).not.toContain(jargon);
  });
});
