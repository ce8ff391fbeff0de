// A job's owner reference (metadata `owner_email`) is the email of the staff member who
// made the job. ServiceM8 records a change of that email on the staff record only: no
// job's edit date moves, so no job is pulled. The jobs to plan again are found here:
// the linked jobs of every staff member whose email differs from the one mirrored.
// Planning them writes only what differs (plan-references.ts), so a staff edit that
// leaves the email alone (a new mobile, a GPS fix) plans nothing and reads no job.
import type { Job, Staff } from './types';

export function jobsOfChangedOwners(
  pulled: readonly Staff[],
  mirrored: (uuid: string) => Staff | null,
  allJobs: () => Job[],
  linked: (jobUuid: string) => boolean,
): string[] {
  const changed = new Set(pulled.filter((s) => (mirrored(s.uuid)?.email ?? null) !== s.email).map((s) => s.uuid));
  if (changed.size === 0) return [];
  return allJobs()
    .filter((job) => job.createdByStaffUuid !== null && changed.has(job.createdByStaffUuid) && linked(job.uuid))
    .map((job) => job.uuid);
}
