// The fields every ServiceM8 record has (uuid, active, edit_date), joined to each
// object's own schema. Stamps on the wire are account-local, so schemas are built per zone.
import { z } from 'zod';
import { localToUtcIso } from './local-time';
import { editDateLocal, requiredFlag, uuid } from './wire-fields';

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

export function withCommon<S extends z.ZodType<object>>(zone: string, specific: S) {
  // Both sides parse the same wire object; zod merges their (object) outputs.
  return z.intersection(common(zone), specific);
}
