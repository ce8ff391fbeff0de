// The account's lists: tax rates (percentages as exact decimal text), staff (matched
// by email), job categories and the materials catalogue.
import { z } from 'zod';
import { withCommon } from './records-common';
import { decimalText, flag, moneyOrZero, ref, text } from './wire-fields';

export function accountSchemas(zone: string) {
  return {
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
      z.object({ first: text, last: text, email: text, mobile: text, job_title: text, hide_from_schedule: flag }).transform((r) => ({
        first: r.first,
        last: r.last,
        /** Lower-cased: staff are matched to people elsewhere by email, case-insensitively. */
        email: r.email.trim().toLowerCase() || null,
        mobile: r.mobile,
        jobTitle: r.job_title,
        hideFromSchedule: r.hide_from_schedule,
      })),
    ),
    category: withCommon(
      zone,
      z.object({ name: text, colour: text }).transform((r) => ({ name: r.name, colour: r.colour })),
    ),
    material: withCommon(
      zone,
      z
        .object({
          name: text,
          item_number: text,
          price: moneyOrZero,
          cost: moneyOrZero,
          price_includes_taxes: flag,
          tax_rate_uuid: ref,
          item_description: text,
        })
        .transform((r) => ({
          name: r.name,
          itemNumber: r.item_number,
          priceCents: r.price,
          costCents: r.cost,
          priceIncludesTaxes: r.price_includes_taxes,
          taxRateUuid: r.tax_rate_uuid,
          description: r.item_description,
        })),
    ),
  };
}
