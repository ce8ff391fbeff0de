// Parses Stripe's form encoding (query strings and x-www-form-urlencoded bodies)
// into nested values: `a[b]=1`, `a[0]=x`, `a[]=x`, raw or %5B%5D brackets, `+` as
// space. Values stay strings; `''` survives so resources can read it as "unset".
import { SimError } from './errors';

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    assign(root, splitKey(key), value);
  }
  return normalise(root, []) as FormObject;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw SimError.invalid(`Invalid URL encoding in request: ${text.slice(0, 40)}`);
  }
}

function splitKey(key: string): string[] {
  // A metadata key with brackets in it must reach the metadata validator intact.
  const meta = /^metadata\[(.*)\]$/.exec(key);
  if (meta && /[[\]]/.test(meta[1] ?? '')) return ['metadata', meta[1] ?? ''];
  const match = KEY.exec(key);
  if (!match) return [key];
  const rest = match[2] ?? '';
  const segments = rest === '' ? [] : rest.slice(1, -1).split('][');
  return [match[1] ?? key, ...segments];
}

// `[]` appends: it becomes the next free numeric key, turned into an array later.
function assign(target: FormObject, path: string[], value: string): void {
  let node = target;
  path.forEach((raw, index) => {
    const segment = raw === '' ? String(Object.keys(node).length) : raw;
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined || typeof next === 'string') {
      const child: FormObject = {};
      node[segment] = child;
      node = child;
    } else {
      node = next as FormObject;
    }
  });
}

// Objects whose keys are all indexes become arrays; metadata keys are never indexes.
function normalise(value: FormValue, path: string[]): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const out: FormObject = {};
  for (const key of keys) out[key] = normalise(value[key] as FormValue, [...path, key]);
  const isMetadata = path[path.length - 1] === 'metadata';
  if (!isMetadata && keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => out[k] as FormValue);
  }
  return out;
}
