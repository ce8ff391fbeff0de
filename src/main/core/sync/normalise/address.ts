// Addresses compared part by part. ServiceM8 keeps street/city/state/postcode/country
// as free text; Stripe wants ISO country codes and (for AU) state abbreviations.
import type { Address } from '../clients/types';
import { normaliseText } from './text';

const AU_STATES: Record<string, string> = {
  'new south wales': 'NSW',
  victoria: 'VIC',
  queensland: 'QLD',
  'south australia': 'SA',
  'western australia': 'WA',
  tasmania: 'TAS',
  'northern territory': 'NT',
  'australian capital territory': 'ACT',
};
const COUNTRIES: Record<string, string> = { australia: 'AU', aus: 'AU', 'new zealand': 'NZ', nz: 'NZ' };

function country(raw: string | null, hasOtherParts: boolean): string | null {
  if (raw === null) return hasOtherParts ? 'AU' : null; // an AU business's clients are in AU unless stated
  const key = raw.toLowerCase();
  if (COUNTRIES[key]) return COUNTRIES[key];
  return /^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : raw;
}

function state(raw: string | null, countryCode: string | null): string | null {
  if (raw === null) return null;
  if (countryCode !== 'AU') return raw;
  return AU_STATES[raw.toLowerCase()] ?? raw.toUpperCase();
}

/** Canonical address; null when every part is empty. */
export function normaliseAddress(parts: {
  line1?: unknown;
  line2?: unknown;
  city?: unknown;
  state?: unknown;
  postalCode?: unknown;
  country?: unknown;
}): Address | null {
  // ServiceM8 has one street field: Stripe's two lines are compared (and written) as one.
  const street = [normaliseText(parts.line1), normaliseText(parts.line2)].filter((p) => p !== null).join(', ');
  const line1 = street === '' ? null : street;
  const line2 = null;
  const city = normaliseText(parts.city);
  const postalCode = normaliseText(parts.postalCode);
  const rawState = normaliseText(parts.state);
  const hasOther = [line1, line2, city, postalCode, rawState].some((p) => p !== null);
  const countryCode = country(normaliseText(parts.country), hasOther);
  if (!hasOther && countryCode === null) return null;
  return { line1, line2, city, state: state(rawState, countryCode), postalCode, country: countryCode };
}

export function sameAddress(a: Address | null, b: Address | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.line1 === b.line1 &&
    a.line2 === b.line2 &&
    a.city === b.city &&
    a.state === b.state &&
    a.postalCode === b.postalCode &&
    a.country === b.country
  );
}
