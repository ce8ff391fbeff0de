// Typed readers over parsed form params. Every resource declares the params it
// accepts; anything else is `parameter_unknown`, as Stripe answers.
import { SimError } from './errors';
import type { FormObject, FormValue } from './form-body';

export function allowOnly(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (key === 'expand' && prefix === '') continue;
    if (!allowed.includes(key)) throw SimError.unknownParam(prefix ? `${prefix}[${key}]` : key);
  }
}

export function has(params: FormObject, key: string): boolean {
  return params[key] !== undefined;
}

export function str(params: FormObject, key: string): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw SimError.invalid(`Invalid string: ${key}`, key);
  return value;
}

/** A string where `''` means "unset" (null on the object). */
export function nullableStr(params: FormObject, key: string): string | null | undefined {
  const value = str(params, key);
  return value === '' ? null : value;
}

export function requireStr(params: FormObject, key: string): string {
  const value = str(params, key);
  if (value === undefined || value === '') throw SimError.missingParam(key);
  return value;
}

export function int(params: FormObject, key: string): number | undefined {
  const value = str(params, key);
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw SimError.invalid(`Invalid integer: ${value}`, key, 'parameter_invalid_integer');
  return Number(value);
}

export function bool(params: FormObject, key: string): boolean | undefined {
  const value = str(params, key);
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw SimError.invalid(`Invalid boolean: ${value}`, key);
  return value === 'true';
}

export function obj(params: FormObject, key: string): FormObject | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) throw SimError.invalid(`Invalid hash`, key);
  return value;
}

/** A list param; `''` clears it (returns []), an absent param returns undefined. */
export function list(params: FormObject, key: string): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return [];
  if (!Array.isArray(value)) throw SimError.invalid(`Invalid array`, key);
  return value;
}

export function stringList(params: FormObject, key: string): string[] | undefined {
  const values = list(params, key);
  if (values === undefined) return undefined;
  return values.map((v, i) => {
    if (typeof v !== 'string') throw SimError.invalid('Invalid string', `${key}[${i}]`);
    return v;
  });
}

export function oneOf<T extends string>(params: FormObject, key: string, values: readonly T[]): T | undefined {
  const value = str(params, key);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw SimError.invalid(`Invalid ${key}: must be one of ${values.join(', ')}`, key);
  }
  return value as T;
}

export function asObject(value: FormValue, param: string): FormObject {
  if (typeof value === 'string' || Array.isArray(value)) throw SimError.invalid('Invalid hash', param);
  return value;
}
