// Phones are compared as E.164 (+61412345678) whatever way people typed them, and
// written back in the format the settings ask for. libphonenumber-js knows the AU
// numbering plan (mobiles 04, landlines 02/03/07/08, 13/1300/1800 numbers).
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export const DEFAULT_REGION: CountryCode = 'AU';
export type PhoneFormat = 'national' | 'international' | 'e164';
export type PhoneResult = { ok: true; value: string | null } | { ok: false; reason: string };

/** Canonical phone in E.164; empty → null; unparseable or invalid → a reason. */
export function normalisePhone(raw: unknown, region: CountryCode = DEFAULT_REGION): PhoneResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, reason: `phone is not text: ${JSON.stringify(raw)}` };
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  try {
    const parsed = parsePhoneNumberWithError(text, region);
    // "Possible" (right length for its country) rather than "valid": the numbering-plan
    // tables lag new mobile ranges, and refusing a customer's real number is worse.
    if (!parsed.isPossible()) return { ok: false, reason: `phone is not a valid number: ${JSON.stringify(text)}` };
    return { ok: true, value: parsed.number };
  } catch {
    return { ok: false, reason: `phone cannot be parsed: ${JSON.stringify(text)}` };
  }
}

/** Writes an E.164 number the way the business wants to read it. */
export function formatPhone(e164: string | null, format: PhoneFormat, region: CountryCode = DEFAULT_REGION): string | null {
  if (e164 === null) return null;
  if (format === 'e164') return e164;
  const parsed = parsePhoneNumberWithError(e164, region);
  if (format === 'international') return parsed.formatInternational();
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}
