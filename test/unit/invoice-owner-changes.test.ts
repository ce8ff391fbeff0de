// Which jobs a staff edit sends back to planning: the linked jobs of a staff member
// whose email changed; none (and no job read) when every email is as mirrored.
import { describe, expect, it } from 'vitest';
import { jobsOfChangedOwners } from '../../src/main/core/sync/invoices/owner-changes';
import type { Job, Staff } from '../../src/main/core/sync/invoices/types';

const staff = (uuid: string, email: string | null) => ({ uuid, email }) as Staff;
const job = (uuid: string, owner: string | null) => ({ uuid, createdByStaffUuid: owner }) as Job;

describe('jobs of changed owners', () => {
  const mirrored = new Map([
    ['s1', staff('s1', 'a@x.com.au')],
    ['s2', staff('s2', 'b@x.com.au')],
  ]);
  const before = (uuid: string) => mirrored.get(uuid) ?? null;
  const jobs = [job('j1', 's1'), job('j2', 's1'), job('j3', 's2'), job('j4', null), job('j5', 's1')];
  const linked = (uuid: string) => uuid !== 'j5';

  it('returns the linked jobs of a staff member whose email changed', () => {
    expect(jobsOfChangedOwners([staff('s1', 'new@x.com.au'), staff('s2', 'b@x.com.au')], before, () => jobs, linked)).toEqual(['j1', 'j2']);
  });

  it('reads no job when no email changed', () => {
    const allJobs = () => {
      throw new Error('read the jobs');
    };
    expect(jobsOfChangedOwners([staff('s2', 'b@x.com.au')], before, allJobs, linked)).toEqual([]);
    expect(jobsOfChangedOwners([], before, allJobs, linked)).toEqual([]);
  });

  it('counts a removed email as a change', () => {
    expect(jobsOfChangedOwners([staff('s2', null)], before, () => jobs, linked)).toEqual(['j3']);
  });
});
