// Typed ServiceM8 records: zod schemas that read the wire format (reference §3) into
// our canonical shapes — camelCase, integer cents, UTC ISO instants, null for "none".
// Built per account time zone because every stamp on the wire is account-local.
import { z } from 'zod';
import { badges, decimalText, editDateLocal, flag, instant, money, moneyOrZero, ref, requiredFlag, text, uuid } from './wire-fields';
import { localToUtcIso } from './local-time';

export const JOB_STATUSES = ['Quote', 'Work Order', 'Completed', 'Unsuccessful'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

function common(zone: string) {
  return z.object({ uuid, active: requiredFlag, edit_date: editDateLocal }).transform((r) => ({
    uuid: r.uuid,
    active: r.active,
    /** UTC instant of the last edit. */
    editDate: localToUtcIso(r.edit_date, zone) ?? '',
    /** The raw account-local stamp: what incremental cursors and echo detection compare. */
    editDateLocal: r.edit_date,
  }));
}

function withCommon<S extends z.ZodType<object>>(zone: string, specific: S) {
  // Both sides parse the same wire object; zod merges their (object) outputs.
  return z.intersection(common(zone), specific);
}

export function buildSchemas(zone: string) {
  const at = instant(zone);
  return {
    company: withCommon(
      zone,
      z
        .object({
          name: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1, 'company name is empty')),
          abn_number: text,
          address: text,
          address_street: text,
          address_city: text,
          address_state: text,
          address_postcode: text,
          address_country: text,
          billing_address: text,
          billing_attention: text,
          payment_terms: text,
          website: text,
          tax_rate_uuid: ref,
          parent_company_uuid: ref,
          badges,
          is_individual: flag,
        })
        .transform((r) => ({
          name: r.name,
          abnNumber: r.abn_number.trim() || null,
          address: r.address,
          addressStreet: r.address_street,
          addressCity: r.address_city,
          addressState: r.address_state,
          addressPostcode: r.address_postcode,
          addressCountry: r.address_country,
          billingAddress: r.billing_address,
          billingAttention: r.billing_attention,
          paymentTerms: r.payment_terms,
          website: r.website,
          taxRateUuid: r.tax_rate_uuid,
          parentCompanyUuid: r.parent_company_uuid,
          badges: r.badges,
          isIndividual: r.is_individual,
        })),
    ),
    companycontact: withCommon(
      zone,
      z
        .object({
          company_uuid: ref,
          first: text,
          last: text,
          phone: text,
          mobile: text,
          email: text,
          type: text,
          is_primary_contact: flag,
        })
        .transform((r) => ({
          companyUuid: r.company_uuid,
          first: r.first,
          last: r.last,
          phone: r.phone,
          mobile: r.mobile,
          email: r.email.trim() || null,
          type: r.type,
          isPrimaryContact: r.is_primary_contact,
        })),
    ),
    job: withCommon(
      zone,
      z
        .object({
          generated_job_id: text,
          status: z.enum(JOB_STATUSES),
          company_uuid: ref,
          category_uuid: ref,
          created_by_staff_uuid: ref,
          job_description: text,
          work_done_description: text,
          job_address: text,
          billing_address: text,
          purchase_order_number: text,
          date: at,
          quote_date: at,
          quote_sent: flag,
          work_order_date: at,
          completion_date: at,
          unsuccessful_date: at,
          total_invoice_amount: moneyOrZero,
          invoice_sent: flag,
          invoice_sent_stamp: at,
          payment_received: flag,
          payment_received_stamp: at,
          payment_processed: flag,
          payment_processed_stamp: at,
          badges,
        })
        .transform((r) => ({
          jobNumber: r.generated_job_id,
          status: r.status,
          companyUuid: r.company_uuid,
          categoryUuid: r.category_uuid,
          createdByStaffUuid: r.created_by_staff_uuid,
          jobDescription: r.job_description,
          workDoneDescription: r.work_done_description,
          jobAddress: r.job_address,
          billingAddress: r.billing_address,
          purchaseOrderNumber: r.purchase_order_number,
          date: r.date,
          quoteDate: r.quote_date,
          quoteSent: r.quote_sent,
          workOrderDate: r.work_order_date,
          completionDate: r.completion_date,
          unsuccessfulDate: r.unsuccessful_date,
          totalInvoiceAmountCents: r.total_invoice_amount,
          invoiceSent: r.invoice_sent,
          invoiceSentAt: r.invoice_sent_stamp,
          paymentReceived: r.payment_received,
          paymentReceivedAt: r.payment_received_stamp,
          paymentProcessed: r.payment_processed,
          paymentProcessedAt: r.payment_processed_stamp,
          badges: r.badges,
        })),
    ),
    jobcontact: withCommon(
      zone,
      z.object({ job_uuid: ref, first: text, last: text, phone: text, mobile: text, email: text, type: text }).transform((r) => ({
        jobUuid: r.job_uuid,
        first: r.first,
        last: r.last,
        phone: r.phone,
        mobile: r.mobile,
        email: r.email.trim() || null,
        type: r.type,
      })),
    ),
    jobmaterial: withCommon(
      zone,
      z
        .object({
          job_uuid: uuid,
          material_uuid: ref,
          name: text,
          quantity: decimalText,
          price: money,
          displayed_amount: money,
          displayed_amount_is_tax_inclusive: flag,
          tax_rate_uuid: ref,
          cost: moneyOrZero,
          sort_order: z.union([z.number(), z.string()]).optional(),
        })
        .transform((r) => ({
          jobUuid: r.job_uuid,
          materialUuid: r.material_uuid,
          name: r.name,
          quantity: r.quantity,
          unitPriceExTaxCents: r.price,
          displayedAmountCents: r.displayed_amount,
          displayedAmountIsTaxInclusive: r.displayed_amount_is_tax_inclusive,
          taxRateUuid: r.tax_rate_uuid,
          costCents: r.cost,
          sortOrder: Number(r.sort_order ?? 0) || 0,
        })),
    ),
    jobpayment: withCommon(
      zone,
      z
        .object({
          job_uuid: uuid,
          amount: money,
          method: text,
          timestamp: at,
          note: text,
          actioned_by_uuid: ref,
          attachment_uuid: ref,
          is_deposit: flag,
        })
        .transform((r) => ({
          jobUuid: r.job_uuid,
          amountCents: r.amount,
          method: r.method,
          timestamp: r.timestamp,
          note: r.note,
          actionedByUuid: r.actioned_by_uuid,
          attachmentUuid: r.attachment_uuid,
          isDeposit: r.is_deposit,
        })),
    ),
    taxrate: withCommon(
      zone,
      z.object({ name: text, amount: decimalText, is_default_tax_rate: flag }).transform((r) => ({
        name: r.name,
        ratePercent: r.amount,
        isDefault: r.is_default_tax_rate,
      })),
    ),
    staff: withCommon(
      zone,
      z.object({ first: text, last: text, email: text, mobile: text, job_title: text }).transform((r) => ({
        first: r.first,
        last: r.last,
        email: r.email.trim() || null,
        mobile: r.mobile,
        jobTitle: r.job_title,
      })),
    ),
    category: withCommon(
      zone,
      z.object({ name: text, colour: text }).transform((r) => ({ name: r.name, colour: r.colour })),
    ),
  };
}

export type ServiceM8Schemas = ReturnType<typeof buildSchemas>;
export type ServiceM8Object = keyof ServiceM8Schemas;
export type ServiceM8Record<O extends ServiceM8Object> = z.output<ServiceM8Schemas[O]>;

export type Sm8Company = ServiceM8Record<'company'>;
export type Sm8CompanyContact = ServiceM8Record<'companycontact'>;
export type Sm8Job = ServiceM8Record<'job'>;
export type Sm8JobContact = ServiceM8Record<'jobcontact'>;
export type Sm8JobMaterial = ServiceM8Record<'jobmaterial'>;
export type Sm8JobPayment = ServiceM8Record<'jobpayment'>;
export type Sm8TaxRate = ServiceM8Record<'taxrate'>;
export type Sm8Staff = ServiceM8Record<'staff'>;
export type Sm8Category = ServiceM8Record<'category'>;
