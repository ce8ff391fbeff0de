// Free text fields (names, address lines): trimmed, inner runs of white space folded,
// empty → null, so "Bondi  Plumbing " and "Bondi Plumbing" are the same value.
export function normaliseText(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** "HARBOUR VIEW cafe" → "Harbour View Cafe" (for the nameCasing: title rule). */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'(/])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
