// The vendor record is the account itself: its time zone and currency come first,
// because every stamp on the wire is local to that zone (reference §9).
import { z } from 'zod';
import { isValidZone } from './local-time';
import { text, uuid } from './wire-fields';

export const vendorSchema = z
  .object({ uuid, name: text, abn_number: text, email: text, currency: text, timezone_name: text })
  .transform((r, ctx) => {
    if (!isValidZone(r.timezone_name)) {
      ctx.addIssue({ code: 'custom', message: `vendor.timezone_name is not an IANA time zone: ${JSON.stringify(r.timezone_name)}` });
      return z.NEVER;
    }
    return {
      uuid: r.uuid,
      name: r.name,
      abnNumber: r.abn_number.trim() || null,
      email: r.email,
      currency: r.currency.toUpperCase(),
      timeZone: r.timezone_name,
    };
  });

export type Sm8Vendor = z.output<typeof vendorSchema>;
