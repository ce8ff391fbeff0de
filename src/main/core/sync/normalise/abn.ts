// Australian Business Numbers: 11 digits with a weighted checksum (ATO algorithm:
// subtract 1 from the first digit, weight the digits 10,1,3,5,…,19, sum mod 89 = 0).
const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

export type AbnResult = { ok: true; value: string | null } | { ok: false; reason: string };

export function isValidAbn(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const sum = [...digits].reduce((total, char, index) => total + (Number(char) - (index === 0 ? 1 : 0)) * WEIGHTS[index]!, 0);
  return sum % 89 === 0;
}

/** Canonical ABN: 11 digits, no spaces; empty → null; wrong length or checksum → a reason. */
export function normaliseAbn(raw: unknown): AbnResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, reason: `ABN is not text: ${JSON.stringify(raw)}` };
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { ok: false, reason: `ABN must have 11 digits: ${JSON.stringify(text)}` };
  if (!isValidAbn(digits)) return { ok: false, reason: `ABN checksum does not match: ${JSON.stringify(text)}` };
  return { ok: true, value: digits };
}
