// Canonical values as a person reads them: phones in the business's chosen format,
// addresses on one line. Comparison stays on the canonical form; this is display only.
import type { PhoneFormat } from '../normalise/phone';
import { formatPhone } from '../normalise/phone';
import type { Address } from './types';

function isAddress(value: unknown): value is Address {
  return typeof value === 'object' && value !== null && 'line1' in value && 'postalCode' in value;
}

export function displayClientValue(field: string | null, value: unknown, phoneFormat: PhoneFormat): unknown {
  if (field === 'phone' && typeof value === 'string') {
    try {
      return formatPhone(value, phoneFormat);
    } catch {
      return value;
    }
  }
  if (field === 'address' && isAddress(value)) {
    const locality = [value.city, value.state, value.postalCode].filter(Boolean).join(' ');
    return [value.line1, value.line2, locality, value.country].filter(Boolean).join(', ');
  }
  return value;
}
