import { describe, expect, it } from 'vitest';
import { refusedWords } from '../../src/shared/refused-words';

describe('refusedWords', () => {
  it('names what was refused, without paths, codes, field names or ids', () => {
    const cases: [string, 'servicem8' | 'stripe' | null, string][] = [
      ["No such customer: 'cus_Q1w2e3'", 'stripe', 'The Stripe customer no longer exists (it was deleted in Stripe).'],
      ['Invalid email address: bob@@example', 'stripe', 'Stripe did not accept the email address.'],
      [
        'ServiceM8 POST /company.json failed (400): Invalid value for field address_street',
        'servicem8',
        'ServiceM8 did not accept the address.',
      ],
      [
        'This invoice is already finalized',
        'stripe',
        'The Stripe invoice had already been finalized, paid or voided, so it could not be changed.',
      ],
      ['Received unknown parameter: metadata[servicem8_uuid]', 'stripe', expect.stringContaining('a fault in sm8sync') as never],
    ];
    for (const [message, target, words] of cases) expect(refusedWords(message, target)).toEqual(words);
  });

  it('keeps the service words and drops the developer words of an unknown reason', () => {
    const words = refusedWords('ServiceM8 POST /company.json failed (400): Invalid value for field job_status_code', 'servicem8');
    expect(words).toMatch(/^ServiceM8 refused this change: /);
    for (const jargon of ['/company.json', '400', 'job_status_code', 'POST']) expect(words).not.toContain(jargon);
  });

  it('says so when there is no reason, and infers the service from the message when no target is known', () => {
    expect(refusedWords(null, 'stripe')).toBe('Stripe refused this change and gave no reason.');
    expect(refusedWords('ServiceM8 PUT /job/x.json failed (422): Something odd happened')).toMatch(
      /^ServiceM8 refused this change: something odd happened\.$/,
    );
  });
});
