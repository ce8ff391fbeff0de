// Typed ServiceM8 records: zod schemas that read the wire format (reference §3) into
// our canonical shapes — camelCase, integer cents, UTC ISO instants, null for "none".
// Every reader is tolerant of the shapes live accounts send (flags as 1, "1" or true;
// amounts as strings or numbers) and rejects anything else with a reason.
import type { z } from 'zod';
import { accountSchemas } from './records-accounts';
import { clientSchemas } from './records-clients';
import { jobSchemas } from './records-jobs';

export { JOB_STATUSES, type JobStatus } from './records-jobs';

export function buildSchemas(zone: string) {
  return { ...clientSchemas(zone), ...jobSchemas(zone), ...accountSchemas(zone) };
}

export type ServiceM8Schemas = ReturnType<typeof buildSchemas>;
export type ServiceM8Object = keyof ServiceM8Schemas;
export type ServiceM8Record<O extends ServiceM8Object> = z.output<ServiceM8Schemas[O]>;

export type Sm8Company = ServiceM8Record<'company'>;
export type Sm8CompanyContact = ServiceM8Record<'companycontact'>;
export type Sm8Badge = ServiceM8Record<'badge'>;
export type Sm8Job = ServiceM8Record<'job'>;
export type Sm8JobContact = ServiceM8Record<'jobcontact'>;
export type Sm8JobMaterial = ServiceM8Record<'jobmaterial'>;
export type Sm8JobPayment = ServiceM8Record<'jobpayment'>;
export type Sm8TaxRate = ServiceM8Record<'taxrate'>;
export type Sm8Staff = ServiceM8Record<'staff'>;
export type Sm8Category = ServiceM8Record<'category'>;
export type Sm8Material = ServiceM8Record<'material'>;
