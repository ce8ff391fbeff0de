// How the simulator describes an object: each field's wire format and the OAuth scopes
// that guard it. The formats follow the types of ServiceM8's own OpenAPI spec (the
// `api.json` the official SDK ships), which the SDK validates every response against.

/**
 * Wire formats: `money` is a 4-dp string, `decimal` a plain number string, `intText` a
 * whole number as a string (the spec types `sort_order` so), `flagInt` an integer 0/1,
 * `flagStr` a string "0"/"1" (A17), `float` a JSON number (coordinates, stock counts),
 * `ref` a uuid or "" (never null), `datetime` an account-local naive stamp (A18),
 * `badges` a JSON-encoded array of badge uuids.
 */
export type FieldKind = 'string' | 'ref' | 'money' | 'decimal' | 'intText' | 'float' | 'flagInt' | 'flagStr' | 'datetime' | 'badges';

export interface ObjectDef {
  name: string;
  readScope: string;
  writeScope: string;
  /** Job creation needs `create_jobs` rather than `manage_jobs`. */
  createScope?: string;
  /** vendor is the account itself: GET only. */
  readOnly?: boolean;
  /** The path name of a single record when it differs (attachments live at /dboattachment/<uuid>.json). */
  recordPath?: string;
  fields: Record<string, FieldKind>;
  /** Set by the server only; silently ignored on write (A16). */
  serverFields: string[];
  requiredOnCreate: string[];
  enums?: Record<string, readonly string[]>;
}

const COMMON: Record<string, FieldKind> = { uuid: 'ref', active: 'flagInt', edit_date: 'datetime' };

export function define(def: Omit<ObjectDef, 'serverFields'> & { serverFields?: string[] }): ObjectDef {
  return { ...def, fields: { ...COMMON, ...def.fields }, serverFields: ['edit_date', ...(def.serverFields ?? [])] };
}

function many(kind: FieldKind) {
  return (...names: string[]): Record<string, FieldKind> => Object.fromEntries(names.map((n) => [n, kind]));
}

export const strings = many('string');
export const refs = many('ref');
export const stamps = many('datetime');
export const flags = many('flagInt');

/** The value a field has when a create does not mention it. */
export function defaultFor(kind: FieldKind): string | number {
  switch (kind) {
    case 'money':
      return '0.0000';
    case 'decimal':
    case 'intText':
      return '0';
    case 'float':
    case 'flagInt':
      return 0;
    case 'flagStr':
      return '0';
    case 'datetime':
      return '0000-00-00 00:00:00';
    case 'badges':
      return '[]';
    case 'string':
    case 'ref':
      return '';
  }
}
