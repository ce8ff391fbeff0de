// Metadata rules of reference §6: ≤50 keys, key ≤40 chars without brackets, value
// ≤500 chars; update merges, a key set to '' is removed, `metadata=''` clears all.
import { SimError } from './errors';
import type { FormObject } from './form-body';

export type Metadata = Record<string, string>;

const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/**
 * Applies a `metadata` param (or another one with the same rules, e.g. `invoice_metadata`) to the
 * current metadata. `at` is the param's full name in errors, e.g. `lines[0][metadata]` for an entry.
 */
export function applyMetadata(current: Metadata, params: FormObject, name = 'metadata', at = name): Metadata {
  const input = params[name];
  if (input === undefined) return current;
  if (input === '') return {};
  if (typeof input === 'string' || Array.isArray(input)) {
    throw SimError.invalid(`Invalid ${at}: ${at} must be a hash of key-value pairs.`, at);
  }
  const next: Metadata = { ...current };
  for (const [key, value] of Object.entries(input)) {
    const param = `${at}[${key}]`;
    if (typeof value !== 'string') throw SimError.invalid(`Invalid value for ${param}: must be a string.`, param);
    if (key.length > MAX_KEY_LENGTH) {
      throw SimError.invalid(
        `Metadata keys can have up to ${MAX_KEY_LENGTH} characters. The key \`${key}\` has ${key.length} characters.`,
        param,
      );
    }
    if (key.includes('[') || key.includes(']')) throw SimError.invalid(`Metadata keys may not contain \`[\` or \`]\`.`, param);
    if (value.length > MAX_VALUE_LENGTH) {
      throw SimError.invalid(
        `Metadata values can have up to ${MAX_VALUE_LENGTH} characters, but you passed in a value that is ${value.length} characters.`,
        param,
      );
    }
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > MAX_KEYS) {
    throw SimError.invalid(`You can have up to ${MAX_KEYS} metadata keys. You passed in ${Object.keys(next).length} keys.`, at);
  }
  return next;
}
