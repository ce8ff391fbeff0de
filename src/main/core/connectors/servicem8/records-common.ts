// The fields every ServiceM8 record has (uuid, active, edit_date), joined to each
// object's own schema. Stamps on the wire are account-local, so schemas are built per zone.
import { z } from 'zod';
import { LocalTimeError, localToUtcIso } from './local-time';
import { editDateLocal, requiredFlag, uuid } from './wire-fields';

/** A stamp of the right form that is not a real time ("2026-13-45 99:00:00") is a reason, not a throw. */
function utcEditDate(local: string, zone: string, ctx: z.RefinementCtx): string {
  try {
    return localToUtcIso(local, zone) ?? '';
  } catch (error) {
    if (!(error instanceof LocalTimeError)) throw error;
    ctx.addIssue({ code: 'custom', path: ['edit_date'], message: error.message });
    return z.NEVER;
  }
}

function common(zone: string) {
  return z.object({ uuid, active: requiredFlag, edit_date: editDateLocal }).transform((r, ctx) => ({
    uuid: r.uuid,
    active: r.active,
    /** UTC instant of the last edit. */
    editDate: utcEditDate(r.edit_date, zone, ctx),
    /** The raw account-local stamp: what incremental cursors and echo detection compare. */
    editDateLocal: r.edit_date,
  }));
}

/**
 * Both schemas read the same wire row; the record is their two outputs joined, built key
 * by key so every record of an object shares one hidden class in V8. (zod's intersection
 * did the join before: its deep merge was a tenth of a first sync's parsing, and the
 * spread it made gave nearly every record a shape of its own, some 600 bytes apiece.)
 * The issues of both sides are reported, the common fields' first, as the intersection did.
 */
export function withCommon<S extends z.ZodType<object>>(zone: string, specific: S) {
  const base = common(zone);
  return z.unknown().transform((row, ctx): z.output<ReturnType<typeof common>> & z.output<S> => {
    const shared = base.safeParse(row);
    const own = specific.safeParse(row);
    if (!shared.success || !own.success) {
      for (const issue of [...(shared.error?.issues ?? []), ...(own.error?.issues ?? [])]) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    const record: Record<string, unknown> = {};
    for (const part of [shared.data, own.data] as Record<string, unknown>[]) for (const key of Object.keys(part)) record[key] = part[key];
    return record as z.output<ReturnType<typeof common>> & z.output<S>;
  });
}
