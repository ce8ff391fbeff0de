// Clients (company), their contacts, and badges (which tag clients and jobs by uuid).
import { z } from 'zod';
import { withCommon } from './records-common';
import { badges, flag, ref, text } from './wire-fields';

export function clientSchemas(zone: string) {
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
    badge: withCommon(
      zone,
      z.object({ name: text, automatically_allocated: flag, file_name: text }).transform((r) => ({
        name: r.name,
        automaticallyAllocated: r.automatically_allocated,
        fileName: r.file_name,
      })),
    ),
  };
}
