// Jobs and what hangs off them: contacts, materials (the invoice lines, unit amounts
// in cents, quantities as exact decimal text) and payments (deposits flagged).
import { z } from 'zod';
import { withCommon } from './records-common';
import { badges, decimalText, flag, instant, money, moneyOrZero, moneyWithText, ref, text, uuid, wholeNumber } from './wire-fields';

export const JOB_STATUSES = ['Quote', 'Work Order', 'Completed', 'Unsuccessful'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function jobSchemas(zone: string) {
  const at = instant(zone);
  return {
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
          unsuccessful_reason: text,
          date: at,
          quote_date: at,
          quote_sent: flag,
          quote_sent_stamp: at,
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
          unsuccessfulReason: r.unsuccessful_reason,
          date: r.date,
          quoteDate: r.quote_date,
          quoteSent: r.quote_sent,
          quoteSentAt: r.quote_sent_stamp,
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
          displayed_amount: moneyWithText,
          displayed_amount_is_tax_inclusive: flag,
          tax_rate_uuid: ref,
          cost: moneyOrZero,
          displayed_cost: moneyOrZero,
          job_material_bundle_uuid: ref,
          sort_order: wholeNumber,
        })
        .transform((r) => ({
          jobUuid: r.job_uuid,
          materialUuid: r.material_uuid,
          name: r.name,
          quantity: r.quantity,
          unitPriceExTaxCents: r.price,
          displayedAmountCents: r.displayed_amount.cents,
          /** The unit as entered, exact dollars text (4 dp kept): what the invoice lines are built from. */
          displayedAmountDecimal: r.displayed_amount.text,
          displayedAmountIsTaxInclusive: r.displayed_amount_is_tax_inclusive,
          taxRateUuid: r.tax_rate_uuid,
          costCents: r.cost,
          displayedCostCents: r.displayed_cost,
          bundleUuid: r.job_material_bundle_uuid,
          sortOrder: r.sort_order,
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
  };
}
