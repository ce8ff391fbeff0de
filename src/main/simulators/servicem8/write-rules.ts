// Creates, updates and soft deletes, with the side effects the real API has on
// related records. Every write stamps edit_date in the account's local time.
import { randomUUID } from 'node:crypto';
import { isUuid, normaliseField } from './field-values';
import { naiveLocal } from './local-time';
import { defaultFor, type ObjectDef } from './objects';
import { ApiError } from './responses';
import type { SimulatorStore, WireRecord } from './store';
import { behaviourOf, type SimBehaviour } from './behaviour';
import { recomputeJobTotal, recomputePaymentReceived, derivePrices } from './job-totals';
import { applyJobRules, applyPaymentRules, nextJobNumber } from './job-rules';

export interface WriteContext {
  store: SimulatorStore;
  /** The simulated time every stamp is written from (settable through POST /_sim/clock). */
  now(): Date;
  behaviour?: Partial<SimBehaviour>;
}

export const DEFAULT_ZONE = 'Australia/Sydney';

export function accountZone(store: SimulatorStore): string {
  const zone = store.vendor()?.timezone_name;
  return typeof zone === 'string' && zone !== '' ? zone : DEFAULT_ZONE;
}

export function stamp(context: WriteContext): string {
  return naiveLocal(context.now(), accountZone(context.store));
}

function asBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'Request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Creates a record. A client-supplied uuid is honoured; an existing uuid is updated instead (assumption A7: idempotent retries). */
export function createRecord(context: WriteContext, def: ObjectDef, rawBody: unknown): { uuid: string; created: boolean } {
  const body = asBody(rawBody);
  if (body.uuid !== undefined && !isUuid(body.uuid)) throw new ApiError(400, `Invalid uuid: ${JSON.stringify(body.uuid)}`);
  const uuid = body.uuid === undefined ? randomUUID() : body.uuid.toLowerCase();
  if (context.store.get(def.name, uuid)) {
    updateRecord(context, def, uuid, body);
    return { uuid, created: false };
  }
  for (const field of def.requiredOnCreate) {
    if (body[field] === undefined || body[field] === '') throw new ApiError(400, `Missing required field: ${field}`);
  }
  const record: WireRecord = {};
  for (const [field, kind] of Object.entries(def.fields)) record[field] = defaultFor(kind);
  record.uuid = uuid;
  record.active = 1;
  if (def.name === 'job') record.generated_job_id = nextJobNumber(context.store);
  applyFields(context, def, record, body, true);
  return { uuid, created: true };
}

/** Updates only the fields sent (POST to the record's URL). */
export function updateRecord(context: WriteContext, def: ObjectDef, uuid: string, rawBody: unknown): void {
  const body = asBody(rawBody);
  const existing = context.store.get(def.name, uuid);
  if (!existing) throw new ApiError(404, `${def.name} ${uuid} not found`);
  if (def.name === 'jobcontact' && body.job_uuid !== undefined && body.job_uuid !== existing.job_uuid && existing.job_uuid !== '') {
    throw new ApiError(400, 'job_uuid cannot be changed once set');
  }
  applyFields(context, def, { ...existing }, body, false);
}

/** DELETE is a soft delete: active becomes 0 and the record stays readable. */
export function softDelete(context: WriteContext, def: ObjectDef, uuid: string): void {
  const existing = context.store.get(def.name, uuid);
  if (!existing) throw new ApiError(404, `${def.name} ${uuid} not found`);
  applyFields(context, def, { ...existing }, { active: 0 }, false);
}

function applyFields(context: WriteContext, def: ObjectDef, record: WireRecord, body: Record<string, unknown>, creating: boolean): void {
  const before = { ...record };
  for (const [field, value] of Object.entries(body)) {
    const kind = def.fields[field];
    if (!kind || field === 'uuid' || def.serverFields.includes(field)) continue;
    record[field] = normaliseField(def.name, field, kind, value);
    const allowed = def.enums?.[field];
    if (allowed && !allowed.includes(String(record[field])))
      throw new ApiError(400, `Invalid value for ${def.name}.${field}: expected one of ${allowed.join(', ')}`);
  }
  const now = stamp(context);
  const behaviour = behaviourOf(context.behaviour);
  if (def.name === 'jobmaterial' || def.name === 'jobpayment' || def.name === 'jobcontact') requireJob(context, record);
  if (def.name === 'jobmaterial') derivePrices(context.store, record, body);
  if (def.name === 'job') applyJobRules(record, before, body, now, creating);
  // The spec: related_object is "always stored in lowercase".
  if (def.name === 'attachment') record.related_object = String(record.related_object).toLowerCase();
  if (def.name === 'jobpayment') applyPaymentRules(context.store, record, body, now, creating, behaviour);
  record.edit_date = now;
  context.store.put(def.name, record);
  if (def.name === 'jobmaterial') recomputeJobTotal(context.store, String(record.job_uuid), now, behaviour);
  // A12: a direct write of job.payment_received stands until the payments or the total change.
  if ((def.name === 'jobpayment' || def.name === 'jobmaterial') && behaviour.paymentReceived === 'derived')
    recomputePaymentReceived(context.store, String(record.job_uuid), now);
}

/** Assumption A19: job children must point at an existing job; other references are not checked. */
function requireJob(context: WriteContext, record: WireRecord): void {
  const jobUuid = record.job_uuid;
  if (typeof jobUuid !== 'string' || !context.store.get('job', jobUuid))
    throw new ApiError(400, `job_uuid does not refer to an existing job: ${JSON.stringify(jobUuid)}`);
}
