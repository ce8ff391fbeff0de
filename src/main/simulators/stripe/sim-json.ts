// `/_sim/` controls also accept a JSON body (`{"now": "2026-11-01T00:00:00Z"}`),
// the shape the ServiceM8 simulator's controls use. It is turned into the same
// string-valued params the form parser produces, so one set of readers serves both.
import { SimError } from './errors';
import type { FormObject, FormValue } from './form-body';

export function parseSimJson(text: string): FormObject {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw SimError.invalid('Invalid JSON body.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw SimError.invalid('The JSON body must be an object.');
  return toForm(parsed) as FormObject;
}

function toForm(value: unknown): FormValue {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toForm);
  if (typeof value === 'object') {
    const out: FormObject = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toForm(inner);
    return out;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw SimError.invalid('Unsupported JSON value.');
}
