// $filter as ServiceM8 documents it (reference §4): `field op value` with eq, ne, gt,
// lt only, joined by `and` only, at most 10 conditions, strings in single quotes and
// numbers bare. Anything else is a 400 rather than a silent guess (assumption A15:
// every known field of the object is filterable).
import type { ObjectDef } from './objects';
import { ApiError } from './responses';
import type { WireRecord, WireValue } from './store';

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'lt';

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value: string | number;
}

export const MAX_CONDITIONS = 10;

// Assumption A5: a quote inside a quoted value is escaped by doubling it (OData style, as third parties do).
const CONDITION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*/;

export function parseFilter(text: string, def: ObjectDef): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  let rest = text;
  for (;;) {
    const match = CONDITION.exec(rest);
    if (!match) throw new ApiError(400, `Invalid $filter: could not read a condition at "${rest.trim().slice(0, 40)}"`);
    const [whole, field = '', op = '', rawValue = ''] = match;
    if (!isOperator(op)) throw new ApiError(400, `Unsupported $filter operator: ${op}`);
    // Field names are case-sensitive (reference §4, T4).
    if (!(field in def.fields)) throw new ApiError(400, `Unsupported $filter field: ${field}`);
    const value = rawValue.startsWith("'") ? rawValue.slice(1, -1).replace(/''/g, "'") : Number(rawValue);
    conditions.push({ field, op, value });
    if (conditions.length > MAX_CONDITIONS) throw new ApiError(400, `Too many $filter conditions (at most ${MAX_CONDITIONS})`);
    rest = rest.slice(whole.length);
    if (rest.trim() === '') return conditions;
    const joiner = /^and\s+/.exec(rest);
    if (!joiner) throw new ApiError(400, `Invalid $filter: only "and" may join conditions (at "${rest.trim().slice(0, 20)}")`);
    rest = rest.slice(joiner[0].length);
  }
}

function isOperator(op: string): op is FilterOperator {
  return op === 'eq' || op === 'ne' || op === 'gt' || op === 'lt';
}

export interface FilterBehaviour {
  /**
   * Reference §4 (T1, live): `status ne 'Completed'` still returned completed jobs. When
   * true (the default, assumption A6) `ne` conditions are accepted but not applied.
   */
  neIgnored: boolean;
}

export function matchesFilter(record: WireRecord, conditions: FilterCondition[], behaviour: FilterBehaviour): boolean {
  return conditions.every((condition) => {
    if (condition.op === 'ne' && behaviour.neIgnored) return true;
    const order = compare(record[condition.field], condition.value);
    switch (condition.op) {
      case 'eq':
        return order === 0;
      case 'ne':
        return order !== 0;
      case 'gt':
        return order > 0;
      case 'lt':
        return order < 0;
    }
  });
}

/** Numbers compare numerically when both sides are numeric; everything else as text (naive stamps sort as text). */
function compare(stored: WireValue | undefined, wanted: string | number): number {
  const left = stored ?? '';
  const leftNumber = typeof left === 'number' ? left : Number(left);
  const rightNumber = typeof wanted === 'number' ? wanted : Number(wanted);
  const numeric =
    (typeof left === 'number' || typeof wanted === 'number') &&
    left !== '' &&
    wanted !== '' &&
    Number.isFinite(leftNumber) &&
    Number.isFinite(rightNumber);
  if (numeric) return Math.sign(leftNumber - rightNumber);
  const a = String(left);
  const b = String(wanted);
  return a === b ? 0 : a < b ? -1 : 1;
}
