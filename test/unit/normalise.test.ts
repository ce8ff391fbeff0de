import { describe, expect, it } from 'vitest';
import { isValidAbn, normaliseAbn } from '../../src/main/core/sync/normalise/abn';
import { normaliseEmail } from '../../src/main/core/sync/normalise/email';
import { formatPhone, normalisePhone } from '../../src/main/core/sync/normalise/phone';
import { normaliseText, titleCase } from '../../src/main/core/sync/normalise/text';

describe('normalise', () => {
  it('emails: trimmed, lower case, validated', () => {
    expect(normaliseEmail('  Sarah.Nguyen@Example.com ')).toEqual({ ok: true, value: 'sarah.nguyen@example.com' });
    expect(normaliseEmail('')).toEqual({ ok: true, value: null });
    expect(normaliseEmail(null)).toEqual({ ok: true, value: null });
    expect(normaliseEmail('bob@')).toMatchObject({ ok: false, reason: expect.stringContaining('not an email') });
    expect(normaliseEmail('two@at@signs.com').ok).toBe(false);
  });

  it('AU phones in every common shape become the same E.164 number', () => {
    for (const shape of ['0412 345 678', '0412345678', '+61 412 345 678', '+61412345678', '(04) 1234 5678', '61412345678']) {
      expect(normalisePhone(shape)).toEqual({ ok: true, value: '+61412345678' });
    }
    for (const shape of ['(02) 9876 5432', '02 9876 5432', '+61 2 9876 5432', '0298765432', '(02) 9876-5432']) {
      expect(normalisePhone(shape)).toEqual({ ok: true, value: '+61298765432' });
    }
    expect(normalisePhone('1300 655 506')).toEqual({ ok: true, value: '+611300655506' });
    expect(normalisePhone('+64 21 123 4567')).toEqual({ ok: true, value: '+64211234567' });
    expect(normalisePhone('')).toEqual({ ok: true, value: null });
    expect(normalisePhone('12')).toMatchObject({ ok: false });
    expect(normalisePhone('call me maybe')).toMatchObject({ ok: false, reason: expect.stringContaining('phone') });
  });

  it('writes phones in the chosen format', () => {
    expect(formatPhone('+61412345678', 'national')).toBe('0412 345 678');
    expect(formatPhone('+61298765432', 'national')).toBe('(02) 9876 5432');
    expect(formatPhone('+61412345678', 'international')).toBe('+61 412 345 678');
    expect(formatPhone('+61412345678', 'e164')).toBe('+61412345678');
    expect(formatPhone('+64211234567', 'national')).toBe('+64 21 123 4567');
    expect(formatPhone(null, 'national')).toBeNull();
  });

  it('ABNs: 11 digits with the ATO checksum', () => {
    expect(isValidAbn('51824753556')).toBe(true);
    expect(normaliseAbn('51 824 753 556')).toEqual({ ok: true, value: '51824753556' });
    expect(normaliseAbn('51824753557')).toMatchObject({ ok: false, reason: expect.stringContaining('checksum') });
    expect(normaliseAbn('1234')).toMatchObject({ ok: false, reason: expect.stringContaining('11 digits') });
    expect(normaliseAbn('')).toEqual({ ok: true, value: null });
  });

  it('text: folded white space, empty is null, title case', () => {
    expect(normaliseText('  Bondi   Plumbing ')).toBe('Bondi Plumbing');
    expect(normaliseText('   ')).toBeNull();
    expect(titleCase("HARBOUR VIEW cafe o'connor")).toBe("Harbour View Cafe O'Connor");
  });
});
