// Every ServiceM8 object the simulator serves (reference §2 scope table, §3 fields,
// and the official spec's field list). Fields not listed are ignored on write, as we
// assume the real API does with unknown keys (A16).
import { ACCOUNT_OBJECTS } from './objects-account';
import { CLIENT_OBJECTS } from './objects-clients';
import { JOB_OBJECTS } from './objects-jobs';
import { defaultFor, type ObjectDef } from './object-kinds';

export { defaultFor, type FieldKind, type ObjectDef } from './object-kinds';
export { JOB_STATUSES } from './objects-jobs';

export const OBJECTS: Record<string, ObjectDef> = { ...CLIENT_OBJECTS, ...JOB_OBJECTS, ...ACCOUNT_OBJECTS };

/** A full record of an object: every field at its default, then the values given. */
export function withDefaults(object: string, values: Record<string, string | number>): Record<string, string | number> {
  const def = OBJECTS[object];
  if (!def) throw new Error(`unknown object ${object}`);
  return { ...Object.fromEntries(Object.entries(def.fields).map(([field, kind]) => [field, defaultFor(kind)])), ...values };
}

/** The object a URL path names: `<name>.json` for lists and creates, `<recordPath or name>/<uuid>.json` for one record. */
export function objectForPath(name: string, single: boolean): ObjectDef | undefined {
  for (const def of Object.values(OBJECTS)) {
    if (single ? (def.recordPath ?? def.name) === name : def.name === name) return def;
  }
  return undefined;
}
