// ServiceM8's own OpenAPI spec (the api.json the official `servicem8` SDK ships), read
// as an independent oracle: which fields each object has and which JSON type each one
// must have on the wire. Nothing here comes from the simulator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface SpecProperty {
  type?: string;
  format?: string;
  enum?: unknown[];
}

interface Spec {
  components: { schemas: Record<string, { properties?: Record<string, SpecProperty>; required?: string[] }> };
}

const require = createRequire(import.meta.url);
const specFile = path.join(path.dirname(require.resolve('servicem8/package.json')), 'api.json');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Spec;

export function specFields(schema: string): Record<string, SpecProperty> {
  const properties = spec.components.schemas[schema]?.properties;
  if (!properties) throw new Error(`api.json has no schema ${schema}`);
  return properties;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every way a wire record departs from the spec's field list and types ([] = conforms). */
export function specMismatches(schema: string, record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, property] of Object.entries(specFields(schema))) {
    const where = `${schema}.${field}`;
    if (!(field in record)) {
      problems.push(`${where} is missing`);
      continue;
    }
    const value = record[field];
    if (value === null) {
      problems.push(`${where} is null`);
      continue;
    }
    switch (property.type) {
      case undefined:
        break; // the spec gives no type (deprecated fields, edit_date): presence is all it asks
      case 'string':
        if (typeof value !== 'string') problems.push(`${where} is ${typeof value} ${JSON.stringify(value)}, the spec says string`);
        else if (property.format === 'uuid' && value !== '' && !UUID.test(value)) problems.push(`${where} is not a uuid: ${value}`);
        else if (property.format === 'email' && value !== '' && !EMAIL.test(value)) problems.push(`${where} is not an email: ${value}`);
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value))
          problems.push(`${where} is ${JSON.stringify(value)}, the spec says integer`);
        else if (property.enum && !property.enum.includes(value))
          problems.push(`${where} is ${value}, not one of ${JSON.stringify(property.enum)}`);
        break;
      case 'number':
        if (typeof value !== 'number') problems.push(`${where} is ${typeof value} ${JSON.stringify(value)}, the spec says number`);
        break;
      default:
        problems.push(`${where} has spec type ${property.type}, which this check does not know`);
    }
    if (property.type === 'string' && property.enum && !property.enum.includes(value))
      problems.push(`${where} is ${JSON.stringify(value)}, not one of ${JSON.stringify(property.enum)}`);
  }
  return problems;
}
