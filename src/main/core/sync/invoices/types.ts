// What the invoices pair keeps in the mirror: the connectors' own typed records
// (ServiceM8 jobs, materials, tax rates, staff, categories; Stripe invoices).
import type { Sm8Category, Sm8Job, Sm8JobMaterial, Sm8Staff, Sm8TaxRate } from '../../connectors/servicem8/index';
import type { StripeInvoiceRecord } from '../../connectors/stripe/schemas';

export type Job = Sm8Job;
export type Material = Sm8JobMaterial;
export type TaxRate = Sm8TaxRate;
export type Staff = Sm8Staff;
export type Category = Sm8Category;
export type StripeInvoice = StripeInvoiceRecord;

export const INVOICE_ENTITY = 'invoice';

/** Mirror objects, per side. */
export const MIRROR = {
  job: 'job',
  material: 'jobmaterial',
  taxRate: 'taxrate',
  staff: 'staff',
  category: 'category',
  invoice: 'invoice',
} as const;

/** Stripe metadata keys the pair writes and matches on. */
export const META = {
  jobUuid: 'servicem8_job_uuid',
  jobNumber: 'servicem8_job_number',
  editDate: 'servicem8_edit_date',
  jobStatus: 'servicem8_job_status',
  siteAddress: 'servicem8_site_address',
  poNumber: 'servicem8_po_number',
  ownerEmail: 'owner_email',
} as const;

/** The Stripe custom field that carries the job number (also matched on, as reconciliation does). */
export const JOB_FIELD = 'Job';
