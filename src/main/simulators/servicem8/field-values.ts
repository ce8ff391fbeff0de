// Validates and normalises one incoming field value to its wire format. Clients send
// flags as 1/"1"/true and money as strings or numbers; the simulator stores what the
// real API returns. A value that cannot be read is a 400, never silently coerced.
import { DecimalError, format4, formatPlain, parseScaled } from './decimal';
import { isNaiveStamp, normaliseStamp } from './local-time';
import type { FieldKind } from './objects';
import { ApiError } from './responses';
import type { WireValue } from './store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function normaliseField(object: string, field: string, kind: FieldKind, value: unknown): WireValue {
  const bad = (why: string) => new ApiError(400, `Invalid value for ${object}.${field}: ${why}`);
  switch (kind) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw bad('expected a string');
    case 'ref':
      if (value === '' || value === null) return '';
      if (isUuid(value)) return value.toLowerCase();
      throw bad('expected a uuid or ""');
    case 'money':
    case 'decimal':
      try {
        const scaled = parseScaled(value === '' ? '0' : value);
        return kind === 'money' ? format4(scaled) : formatPlain(scaled);
      } catch (error) {
        if (error instanceof DecimalError) throw bad('expected a decimal number');
        throw error;
      }
    case 'intText': {
      // Stored as text, the way the spec types sort_order; 3 and "3" are both accepted.
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isInteger(number)) return String(number);
      throw bad('expected a whole number');
    }
    case 'float': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      throw bad('expected a number');
    }
    case 'flagInt':
    case 'flagStr': {
      const flag = readFlag(value);
      if (flag === undefined) throw bad('expected 0 or 1');
      return kind === 'flagInt' ? flag : String(flag);
    }
    case 'datetime':
      if (typeof value === 'string' && isNaiveStamp(value)) return normaliseStamp(value);
      throw bad('expected "YYYY-MM-DD HH:MM:SS"');
    case 'badges':
      // A raw array is rejected: badges must be written as a JSON-encoded string (reference §3, T1),
      // and it holds badge uuids, not names (the spec: "JSON Array of Badge UUIDs"; A26).
      if (typeof value === 'string' && isUuidArrayJson(value))
        return JSON.stringify((JSON.parse(value) as string[]).map((u) => u.toLowerCase()));
      throw bad('expected a JSON-encoded array of badge uuids, e.g. "[\\"5b1c…\\"]"');
  }
}

export function readFlag(value: unknown): 0 | 1 | undefined {
  if (value === 1 || value === '1' || value === true) return 1;
  if (value === 0 || value === '0' || value === false) return 0;
  return undefined;
}

function isUuidArrayJson(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) && parsed.every(isUuid);
  } catch {
    return false;
  }
}
