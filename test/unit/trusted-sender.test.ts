import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../src/shared/api';
import { checkInvoke, MAX_PAYLOAD_CHARS, type SenderInfo, type TrustPolicy } from '../../src/main/electron/ipc/trusted-sender';

const policy: TrustPolicy = { windowIds: new Set([3]), rendererUrl: 'file:///opt/sm8sync/resources/app.asar/dist/renderer/index.html' };
const ours: SenderInfo = {
  webContentsId: 3,
  frameUrl: 'file:///opt/sm8sync/resources/app.asar/dist/renderer/index.html',
  isMainFrame: true,
};

describe('IPC sender and payload checks', () => {
  it('accepts our window showing our renderer, with a fragment or query on the page', () => {
    expect(checkInvoke(ours, { method: 'getStatus', params: {} }, policy)).toEqual({ ok: true, method: 'getStatus', params: {} });
    expect(checkInvoke({ ...ours, frameUrl: `${ours.frameUrl!}#conflicts` }, { method: 'listConflicts' }, policy)).toEqual({
      ok: true,
      method: 'listConflicts',
      params: {},
    });
    // Every method of the contract gets through the shape check (names may hold digits).
    for (const method of API_METHODS) expect(checkInvoke(ours, { method, params: {} }, policy)).toMatchObject({ ok: true, method });
  });

  it.each<[string, SenderInfo]>([
    ['another webContents', { ...ours, webContentsId: 9 }],
    ['a sub-frame of our window', { ...ours, isMainFrame: false }],
    ['a remote page in our window', { ...ours, frameUrl: 'https://evil.example/index.html' }],
    ['another local file', { ...ours, frameUrl: 'file:///tmp/evil/index.html' }],
    ['a destroyed frame', { ...ours, frameUrl: null }],
    ['a look-alike path', { ...ours, frameUrl: 'file:///opt/sm8sync/resources/app.asar/dist/renderer/index.html.evil' }],
  ])('refuses %s', (_label, sender) => {
    expect(checkInvoke(sender, { method: 'getStatus', params: {} }, policy)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each<[string, unknown]>([
    ['a non-object payload', 'getStatus'],
    ['an array payload', [{ method: 'getStatus' }]],
    ['null', null],
    ['a non-string method', { method: 42 }],
    ['a method with odd characters', { method: '__proto__' }],
    ['an over-long method', { method: 'a'.repeat(65) }],
    ['oversized params', { method: 'updateSettings', params: { pad: 'x'.repeat(MAX_PAYLOAD_CHARS) } }],
    ['params that are not JSON', { method: 'getStatus', params: { n: 10n } }],
  ])('refuses %s', (_label, payload) => {
    expect(checkInvoke(ours, payload, policy)).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
  });
});
