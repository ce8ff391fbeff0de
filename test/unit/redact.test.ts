import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue, registerSecret } from '../../src/main/core/logging/redact';

describe('redaction', () => {
  it('scrubs credential shapes even when never registered', () => {
    expect(redactText('key sk_test_51AbCdEfGhIjKlMn used')).toBe(`key ${REDACTED} used`);
    expect(redactText('restricted rk_live_abcdefghij')).toBe(`restricted ${REDACTED}`);
    expect(redactText('Authorization: Bearer eyJhbGciOi.abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('refresh_token=abcdef123456&x=1')).toBe(`refresh_token=${REDACTED}&x=1`);
    expect(redactText('{"client_secret":"s3cr3tvalue"}')).toBe(`{"client_secret":"${REDACTED}"}`);
  });

  it('scrubs registered secret values wherever they appear', () => {
    registerSecret('plain-api-key-7f3a9');
    expect(redactText('X-API-Key was plain-api-key-7f3a9, retrying')).toBe(`X-API-Key was ${REDACTED}, retrying`);
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('abc');
    expect(redactText('abc def')).toBe('abc def');
  });

  it('redacts sensitive keys and nested values in objects and errors', () => {
    const out = redactValue({
      headers: { authorization: 'Basic Zm9vOmJhcg==', accept: 'json' },
      token: 'x'.repeat(10),
      note: 'uses sk_test_zzzzzzzzzz',
      list: ['rk_test_yyyyyyyyyy'],
      error: new Error('bad key sk_test_qqqqqqqqqq'),
    });
    expect(out).toEqual({
      headers: { authorization: REDACTED, accept: 'json' },
      token: REDACTED,
      note: `uses ${REDACTED}`,
      list: [REDACTED],
      error: expect.objectContaining({ message: `bad key ${REDACTED}` }),
    });
  });
});
