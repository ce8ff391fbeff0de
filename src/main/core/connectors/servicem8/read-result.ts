// Reading never throws because of one bad record: each row is parsed on its own and a
// malformed one is reported with its uuid and the reason, next to the good records.
import type { z } from 'zod';
import { NOW, type ReadPace } from './read-pace';
import type { ServiceM8Object, ServiceM8Record, ServiceM8Schemas } from './records';

export interface RejectedRecord {
  uuid: string;
  object: string;
  reason: string;
  /** The job a rejected job line or payment belongs to, when the row names one: that job must not be invoiced without it. */
  jobUuid?: string;
}

export interface ReadResult<T> {
  records: T[];
  rejected: RejectedRecord[];
}

export function uuidOf(row: unknown): string {
  const uuid = (row as { uuid?: unknown } | null)?.uuid;
  return typeof uuid === 'string' && uuid !== '' ? uuid : '(no uuid)';
}

/** Messages quote the bad value; a 100 kB name must not make a 100 kB reason (the status and the UI show it). */
function clip(message: string, max = 100): string {
  const chars = [...message];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : message;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => clip(issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function parseRows<O extends ServiceM8Object>(
  schemas: ServiceM8Schemas,
  object: O,
  rows: unknown[],
): ReadResult<ServiceM8Record<O>> {
  const result: ReadResult<ServiceM8Record<O>> = { records: [], rejected: [] };
  const schema = schemas[object] as unknown as z.ZodType<ServiceM8Record<O>>;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      result.rejected.push({ uuid: '(no uuid)', object, reason: 'not a JSON object' });
      continue;
    }
    const parsed = schema.safeParse(row);
    if (parsed.success) result.records.push(parsed.data);
    else {
      const job = (row as { job_uuid?: unknown }).job_uuid;
      const jobUuid = typeof job === 'string' && job.trim() !== '' ? { jobUuid: job.trim() } : {};
      result.rejected.push({ uuid: uuidOf(row), object, reason: describeIssues(parsed.error), ...jobUuid });
    }
  }
  return result;
}

const SLICE = 500;

/**
 * parseRows for a long read, in slices of 500 rows (about 25 ms of parsing) with the
 * thread handed back between them as the read's pace says: a read that runs while
 * another pair's writes go out (a read-ahead) must not hold those writes up for the
 * second or more 20,000 jobs take to parse.
 */
export async function parseRowsInSlices<O extends ServiceM8Object>(
  schemas: ServiceM8Schemas,
  object: O,
  rows: unknown[],
  pace: ReadPace = NOW,
): Promise<ReadResult<ServiceM8Record<O>>> {
  const result: ReadResult<ServiceM8Record<O>> = { records: [], rejected: [] };
  for (let start = 0; start < rows.length; start += SLICE) {
    const began = performance.now();
    const part = parseRows(schemas, object, rows.slice(start, start + SLICE));
    for (const record of part.records) result.records.push(record);
    for (const rejected of part.rejected) result.rejected.push(rejected);
    if (start + SLICE < rows.length) await pace.between(performance.now() - began);
  }
  return result;
}
