// Building $filter expressions, and checking them again on our side. Only eq, ne, gt,
// lt joined by `and`, at most 10 conditions (reference §4). The server's answer is
// re-checked client-side: `ne` was seen live to return what it should exclude, and a
// badly encoded filter is silently ignored (all records come back).

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'lt';
export type FilterValue = string | number;

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value: FilterValue;
}

export const MAX_FILTER_CONDITIONS = 10;
const FIELD = /^[a-z_][a-z0-9_]*$/;

export class FilterError extends Error {
  override readonly name = 'FilterError';
}

/** The $filter text for some conditions (URLSearchParams does the URL encoding). */
export function buildFilter(conditions: readonly FilterCondition[]): string {
  if (conditions.length > MAX_FILTER_CONDITIONS)
    throw new FilterError(`ServiceM8 accepts at most ${MAX_FILTER_CONDITIONS} $filter conditions (got ${conditions.length})`);
  return conditions
    .map(({ field, op, value }) => {
      if (!FIELD.test(field)) throw new FilterError(`not a ServiceM8 field name: ${JSON.stringify(field)}`);
      if (typeof value === 'number' && !Number.isFinite(value)) throw new FilterError(`not a finite number for ${field}`);
      // Strings (uuids and stamps included) in single quotes; a quote inside is doubled (assumption A5).
      return `${field} ${op} ${typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`}`;
    })
    .join(' and ');
}

/** True when a wire record satisfies every condition, compared the way the server compares. */
export function matchesFilter(record: Record<string, unknown>, conditions: readonly FilterCondition[]): boolean {
  return conditions.every(({ field, op, value }) => {
    const order = compare(record[field], value);
    switch (op) {
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

function compare(stored: unknown, wanted: FilterValue): number {
  const left = typeof stored === 'number' || typeof stored === 'string' ? stored : typeof stored === 'boolean' ? Number(stored) : '';
  if (typeof left === 'number' || typeof wanted === 'number') {
    const a = Number(left);
    const b = Number(wanted);
    if (left !== '' && wanted !== '' && Number.isFinite(a) && Number.isFinite(b)) return Math.sign(a - b);
  }
  const a = String(left);
  const b = String(wanted);
  return a === b ? 0 : a < b ? -1 : 1;
}
