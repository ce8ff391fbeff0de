import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, withRetry } from '../../src/main/core/util/backoff';

describe('backoff', () => {
  it('grows exponentially with full jitter and a cap', () => {
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(4, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });

  it('retries transient errors and gives up on the rest', async () => {
    let calls = 0;
    const result = await withRetry(
      () => {
        calls += 1;
        if (calls < 3) throw Object.assign(new Error('busy'), { status: 503 });
        return Promise.resolve('ok');
      },
      { retries: 5, baseMs: 1, maxMs: 2, classify: (e) => ({ retry: (e as { status?: number }).status === 503 }) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);

    let validationCalls = 0;
    await expect(
      withRetry(
        () => {
          validationCalls += 1;
          return Promise.reject(Object.assign(new Error('bad'), { status: 400 }));
        },
        { retries: 5, baseMs: 1, maxMs: 2, classify: (e) => ({ retry: (e as { status?: number }).status === 503 }) },
      ),
    ).rejects.toThrow('bad');
    expect(validationCalls).toBe(1);
  });

  it('stops after the retry budget and honours Retry-After', async () => {
    const delays: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(new Error('429'));
        },
        {
          retries: 2,
          baseMs: 1,
          maxMs: 1,
          classify: () => ({ retry: true, retryAfterMs: 5 }),
          onRetry: ({ delayMs }) => delays.push(delayMs),
        },
      ),
    ).rejects.toThrow('429');
    expect(calls).toBe(3);
    expect(delays).toEqual([5, 5]);
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
