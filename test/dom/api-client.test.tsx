import { afterEach, describe, expect, it } from 'vitest';
import { createClient, takeTokenFromLocation } from '../../src/renderer/api/create-client';
import { createIpcClient } from '../../src/renderer/api/ipc-client';
import type { PreloadBridge } from '../../src/shared/bridge';
import { makeStatus } from '../helpers/fake-api-client';

afterEach(() => {
  sessionStorage.clear();
  delete (window as { sm8sync?: unknown }).sm8sync;
  history.replaceState(null, '', '/');
});

describe('renderer api client', () => {
  it('takes the serve token from the URL fragment, keeps it for the tab and removes it from the address', () => {
    history.replaceState(null, '', '/#token=abc123');
    expect(takeTokenFromLocation(window.location, sessionStorage, history)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(takeTokenFromLocation(window.location, sessionStorage, history)).toBe('abc123');
  });

  it('has no client without a bridge or a token, and uses the bridge inside Electron', async () => {
    expect(createClient()).toBeNull();
    const sent: unknown[] = [];
    const bridge: PreloadBridge = {
      runtime: 'electron',
      invoke: (method, params) => {
        sent.push({ method, params });
        return Promise.resolve(method === 'getStatus' ? { ok: true, value: makeStatus() } : { ok: true, value: { nonsense: true } });
      },
      on: () => () => {},
    };
    (window as { sm8sync?: PreloadBridge }).sm8sync = bridge;
    const client = createClient()!;
    expect(await client.call('getStatus', {})).toMatchObject({ ok: true, value: { state: 'in_sync' } });
    // An answer that breaks the contract is an error, not a half-rendered screen.
    expect(await client.call('listConflicts', { includeClosed: false })).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(sent).toEqual([
      { method: 'getStatus', params: {} },
      { method: 'listConflicts', params: { includeClosed: false } },
    ]);
  });

  it('drops events whose payload breaks the contract', () => {
    let push: (payload: unknown) => void = () => {};
    const client = createIpcClient({
      runtime: 'electron',
      invoke: () => Promise.reject(new Error('x')),
      on: (_event, listener) => ((push = listener), () => {}),
    });
    const seen: unknown[] = [];
    client.on('conflictsChanged', (payload) => seen.push(payload));
    push({ open: 'many' });
    push({ open: 3 });
    expect(seen).toEqual([{ open: 3 }]);
  });
});
