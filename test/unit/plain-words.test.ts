import { describe, expect, it } from 'vitest';
import { connectProblem, explainError } from '../../src/main/core/app/plain-error';
import { problemWords } from '../../src/main/core/app/quarantine-view';
import { needsYou, retryIn } from '../../src/main/core/app/status-view';
import { statusText } from '../../src/main/core/app/status-words';
import { makeStatus } from '../helpers/fake-api-client';

describe('plain words for errors', () => {
  it.each([
    ['ServiceM8 GET /company.json failed: network error (fetch failed)', "Can't reach ServiceM8"],
    ['ServiceM8 401: ServiceM8 GET /vendor.json failed (401): Invalid API key', "ServiceM8 didn't accept the saved key"],
    ['Stripe: An error occurred with our connection to Stripe. Request was retried 2 times.', "Can't reach Stripe"],
    ['Stripe: Invalid API Key provided: rk_test_****1234', "Stripe didn't accept the saved key"],
    ['ServiceM8 429: ServiceM8 GET /job.json failed (429): slow down', 'ServiceM8 asked us to slow down'],
    ['ServiceM8 GET /company.json failed (500): boom', 'ServiceM8 had a problem answering'],
  ])('%j → %j', (message, words) => {
    expect(explainError(message).words).toBe(words);
  });

  it('never lets request lines, codes or library words through', () => {
    const words = explainError('ServiceM8 400: ServiceM8 POST /company.json failed (400): name is required').words;
    expect(words).toBe('ServiceM8 failed: name is required');
    expect(connectProblem('servicem8', 'ServiceM8 GET /vendor.json failed (401): Invalid API key')).toBe(
      "ServiceM8 didn't accept this key — check it in ServiceM8 → Settings → API Keys.",
    );
    expect(connectProblem('stripe', 'Could not reach Stripe: fetch failed')).toBe(
      "Can't reach Stripe — check the internet connection and try again.",
    );
  });

  it('says what is wrong with a quarantined record', () => {
    expect(problemWords('email is not an email address: "accounts@"')).toBe('The email "accounts@" is not an email address.');
    expect(problemWords('ABN must have 11 digits: "123"')).toBe('The ABN "123" should have 11 digits.');
    expect(problemWords('event evt_1: Invalid input')).toBe('Invalid input.');
  });
});

describe('status words', () => {
  it('counts what needs a person in one sentence, and says when the next try is', () => {
    expect(needsYou({ openConflicts: 3, quarantined: 1, needsAttention: 0 })).toBe('Needs you: 3 decisions, 1 record to fix');
    expect(needsYou({ openConflicts: 0, quarantined: 0, needsAttention: 2 })).toBe('Needs you: 2 refused writes');
    expect(needsYou({ openConflicts: 0, quarantined: 0, needsAttention: 0 })).toBeNull();
    const now = new Date('2026-11-24T03:00:00Z');
    expect(retryIn(new Date('2026-11-24T03:01:30Z'), now)).toBe('in 2 min');
    expect(retryIn(new Date('2026-11-24T03:00:20Z'), now)).toBe('in 1 min');
    expect(retryIn(new Date('2026-11-24T06:00:00Z'), now)).toBe('in 3 h');
  });

  it('prints the terminal status in the business zone, and how to connect', () => {
    const text = statusText(
      makeStatus({
        state: 'not_connected',
        headline: 'Connect Stripe to start syncing',
        lastGoodSyncAt: null,
        businessTimeZone: 'Australia/Perth',
      }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Connect Stripe to start syncing');
    expect(lines[1]).toBe('Last good sync: never · last sync: 24 Nov 2026, 11:00 am AWST · next sync: 24 Nov 2026, 11:05 am AWST');
    expect(text).toContain('Clients: 12 linked');
    expect(text).toContain('or set SERVICEM8_API_KEY and STRIPE_API_KEY in the environment.');
    expect(text).toContain('Times are in Australia/Perth.');
  });
});
