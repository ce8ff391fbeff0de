// A job's lines (ServiceM8 job materials) as the invoices pair plans them: the mirror's,
// with this cycle's pull laid over them. A full replan reads every line once; a cycle
// with a few changes reads the lines of each job it plans, by job (mirror key `job`).
import type { Store } from '../../store/store';
import { MIRROR, type Material } from './types';

/** The value, computed the first time it is asked for. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

/** The mirror's order (SQLite compares text bytewise; ids are ASCII). */
const byStoredOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupByJob(materials: Iterable<Material>): Map<string, Material[]> {
  const byJob = new Map<string, Material[]>();
  for (const m of materials) {
    const list = byJob.get(m.jobUuid);
    if (list) list.push(m);
    else byJob.set(m.jobUuid, [m]);
  }
  return byJob;
}

/** Every job's lines: the mirror's, with this pull's laid over them. */
export function allMaterialsByJob(store: Store, fresh: readonly Material[]): (jobUuid: string) => Material[] {
  const byJob = once(() => {
    const all = new Map(store.mirror.list<Material>('servicem8', MIRROR.material).map((r) => [r.id, r.record]));
    for (const m of fresh) all.set(m.uuid, m);
    return groupByJob(all.values());
  });
  return (jobUuid: string): Material[] => byJob().get(jobUuid) ?? [];
}

/**
 * One job's lines, read by job when first asked for: the same lines in the same order as
 * allMaterialsByJob gives (mirror order by id, a pulled line in its stored one's place, new ones
 * after), without one that this pull moved to another job.
 */
export function materialsByJob(store: Store, fresh: readonly Material[]): (jobUuid: string) => Material[] {
  const cache = new Map<string, Material[]>();
  const freshById = new Map(fresh.map((m) => [m.uuid, m]));
  const freshByJob = groupByJob(freshById.values());
  return (jobUuid: string): Material[] => {
    const cached = cache.get(jobUuid);
    if (cached) return cached;
    const stored = store.mirror.listByKey<Material>('servicem8', MIRROR.material, 'job', [jobUuid]);
    const pulledHere = freshByJob.get(jobUuid) ?? [];
    // A pulled line the mirror holds under another job (moved here) keeps its stored place too.
    const storedIds = new Set(stored.map((r) => r.id));
    const movedIn = store.mirror.listByIds(
      'servicem8',
      MIRROR.material,
      pulledHere.map((m) => m.uuid).filter((id) => !storedIds.has(id)),
    );
    const known = [...stored.map((r) => r.id), ...movedIn.map((r) => r.id)].sort(byStoredOrder);
    const knownIds = new Set(known);
    const ids = [...known, ...pulledHere.map((m) => m.uuid).filter((id) => !knownIds.has(id))];
    const storedById = new Map(stored.map((r) => [r.id, r.record]));
    const out = ids.map((id) => freshById.get(id) ?? storedById.get(id)!).filter((m) => m.jobUuid === jobUuid);
    cache.set(jobUuid, out);
    return out;
  };
}
