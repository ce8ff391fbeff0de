// The last N days of sync activity, one bar group per day in the business time zone:
// writes that went through, failures (refused writes and failed syncs) and findings
// (new questions for a person: conflicts raised, records quarantined).
import { DateTime } from 'luxon';
import type { ActivityDay } from '../../../shared/api';
import type { Store } from '../store/store';
import { STRIPE_EVENT_OBJECT } from '../sync/kit/feeds';

const MAX_ROWS = 100_000;

export function buildActivityChart(store: Store, zone: string, now: Date, days: number): ActivityDay[] {
  const today = DateTime.fromJSDate(now).setZone(zone).startOf('day');
  const first = today.minus({ days: days - 1 });
  const since = first.toUTC().toISO()!;
  const buckets = new Map<string, ActivityDay>();
  for (let i = 0; i < days; i += 1) {
    const day = first.plus({ days: i });
    const key = day.toISODate()!;
    buckets.set(key, { day: key, label: day.setLocale('en-AU').toFormat('d LLL'), writes: 0, failures: 0, findings: 0 });
  }
  const bucketOf = (iso: string | null) =>
    iso ? buckets.get(DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() ?? '') : undefined;

  for (const entry of store.audit.list({ since, limit: MAX_ROWS })) {
    const bucket = bucketOf(entry.at);
    if (!bucket) continue;
    if (entry.outcome === 'failed') bucket.failures += 1;
    else if (entry.outcome === 'success' && entry.direction !== 'local') bucket.writes += 1;
  }
  for (const run of store.runs.list(days * 400)) {
    if (run.state === 'failed' && !run.dryRun) {
      const bucket = bucketOf(run.finishedAt ?? run.startedAt);
      if (bucket) bucket.failures += 1;
    }
  }
  for (const conflict of store.conflicts.list(['open', 'resolved', 'applied', 'dismissed'])) {
    const bucket = bucketOf(conflict.createdAt);
    if (bucket) bucket.findings += 1;
  }
  for (const record of store.quarantine.listActive()) {
    // An unreadable Stripe event asks nothing of anyone (its records were read again): not a finding.
    if (record.side === 'stripe' && record.object === STRIPE_EVENT_OBJECT) continue;
    const bucket = bucketOf(record.firstSeenAt);
    if (bucket) bucket.findings += 1;
  }
  return [...buckets.values()];
}
