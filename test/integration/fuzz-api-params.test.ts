// Random params for every API method, over the loopback server into the real app service
// (fake engine and connection tester, memory secrets): each call is a 400 with a reason or
// a 200 with a result, never a 500 and never an internal failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../src/shared/api';
import { fuzzRuns } from '../helpers/fuzz';
import { callApi, startLoopbackApp, type LoopbackApp } from '../helpers/loopback-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let opened: LoopbackApp;
beforeAll(async () => {
  opened = await startLoopbackApp(tempDir());
});
afterAll(() => opened.close());

/** Values that sit near what the contract takes: the right names with wrong (or right) values. */
const nearValue = fc.oneof(
  fc.constantFrom(true, false, 0, -1, 1, 500, 501, 5000, 1.5, '', ' ', 'servicem8', 'stripe', 'both', null, [], {}, [1, 2], ['x']),
  fc.constantFrom(
    '2026-04-05T02:30:00+11:00',
    '2026-13-45T99:00:00Z',
    'sk_test_123',
    'rk_live_abc',
    'sk_test_',
    'sm8-demo-key',
    'x'.repeat(201),
  ),
  fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 1 }),
);
const NAMES = [
  'dryRun',
  'paused',
  'includeClosed',
  'ids',
  'take',
  'since',
  'entity',
  'outcome',
  'limit',
  'apiKey',
  'service',
  'sync',
  'rules',
];
const params = fc.oneof(
  fc.dictionary(fc.constantFrom(...NAMES), nearValue, { maxKeys: 3 }),
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('[]', '"x"', '42', 'null', '{"__proto__":{"paused":true}}', '{"constructor":{"prototype":{}}}'),
);

describe('fuzzing the app API over the loopback server', () => {
  it('every method answers random params with 200 or 400-with-a-reason, never 500', async () => {
    const { server } = opened;
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), params, async (method, body) => {
        const raw = typeof body === 'string' && /^[[{"n0-9]/.test(body) ? body : JSON.stringify(body ?? {});
        const reply = await callApi(server, method, raw);
        seen.add(reply.status);
        expect([200, 400]).toContain(reply.status);
        const answer = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
        if (reply.status === 400) {
          expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
          expect(answer.error!.message.trim()).not.toBe('');
        } else if (!answer.ok) {
          // A refusal the handler made on purpose (not connected, busy…), never an unexpected throw.
          expect(answer.error!.code).not.toBe('failed');
        }
      }),
      fuzzRuns(200),
    );
    expect([...seen].sort()).toEqual([200, 400]); // both kinds of answer were exercised
  });
});
