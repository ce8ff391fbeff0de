// A read made ahead rests between slices of work until someone waits on it; hurrying
// ends a rest at once. Timers are faked and never advanced, so a rest can only end
// through hurry(): the test cannot pass by waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, ReadPace } from '../../src/main/core/connectors/servicem8/read-pace';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  return done;
};

describe('read pace', () => {
  it('rests in the background, and stops resting when hurried', async () => {
    const pace = new ReadPace('background');
    const rest = pace.between(40);
    expect(await settled(rest)).toBe(false);
    pace.hurry();
    expect(await settled(rest)).toBe(true);
    // Hurried, it no longer rests at all.
    expect(await settled(pace.between(40))).toBe(true);
  });

  it('a read someone waits on only hands the thread back', async () => {
    expect(await settled(NOW.between(40))).toBe(true);
  });
});
