// The final state of a trial against the fault-free run of the same workload, field
// by field: duplicates (a key held by two records on one side, or a record no person
// made), lost changes (a value a person set that the reference run kept and this one
// holds on neither side), differences (every field, record or conflict that differs).
import type { Entity, Intent, OpenConflict } from './workload';

/** An open question, in the workload's keys: kind, record keys, field and both values. */
export type ConflictKey = string;

export interface Outcome {
  entities: Entity[];
  conflicts: ConflictKey[];
  open: OpenConflict[];
  /** Writes the APIs refused (needs attention), with the reason: a fault must never turn into one. */
  refused: string[];
}

export interface Comparison {
  duplicates: number;
  lost: number;
  differences: number;
  /** Open questions in one run and not the other. */
  conflictsUnaccounted: number;
  /** Linked records whose sides disagree on a field with no open question about it (this run, the reference). */
  diverged: number;
  referenceDiverged: number;
  details: string[];
}

const slot = (e: Pick<Entity, 'pair' | 'side' | 'key'>) => `${e.pair}|${e.side}|${e.key}`;

export function countDuplicates(entities: Entity[]): { count: number; details: string[] } {
  const seen = new Map<string, number>();
  for (const e of entities) seen.set(slot(e), (seen.get(slot(e)) ?? 0) + 1);
  const details: string[] = [];
  let count = 0;
  for (const [where, n] of seen) {
    const stray = where.split('|')[2]!.startsWith('?');
    if (n > 1 || stray) {
      count += stray ? n : n - 1;
      details.push(`duplicate: ${where} ×${n}`);
    }
  }
  return { count, details };
}

function holds(entities: Entity[], intent: Intent): boolean {
  return entities.some((e) => e.pair === intent.pair && e.key === intent.key && e.fields[intent.field] === intent.value);
}

/** Per pair, the fields both sides must agree on and the conflict field that may hold each apart. */
export type TwoWay = Record<string, Record<string, string>>;

/** Linked records (same key on both sides, or Stripe's cross-reference) that disagree with no question asked. */
export function divergences(outcome: Outcome, twoWay: TwoWay): string[] {
  const out: string[] = [];
  const servicem8 = outcome.entities.filter((e) => e.side === 'servicem8');
  for (const s of outcome.entities.filter((e) => e.side === 'stripe')) {
    const m = servicem8.find((e) => e.pair === s.pair && (e.key === s.key || e.id === s.partnerId));
    if (!m) continue;
    for (const [field, conflictField] of Object.entries(twoWay[s.pair] ?? {})) {
      if (JSON.stringify(m.fields[field]) === JSON.stringify(s.fields[field])) continue;
      const asked = outcome.open.some((c) => c.field === conflictField && (c.servicem8Key === m.key || c.stripeKey === s.key));
      if (!asked)
        out.push(
          `diverged with no question: ${s.pair} ${m.key}/${s.key}.${field}: ServiceM8 ${JSON.stringify(m.fields[field])}, Stripe ${JSON.stringify(s.fields[field])}`,
        );
    }
  }
  return out;
}

export function compare(run: Outcome, reference: Outcome, intents: Intent[], twoWay: TwoWay): Comparison {
  const details: string[] = [];
  const diverged = divergences(run, twoWay);
  const referenceDiverged = divergences(reference, twoWay);
  details.push(...diverged, ...referenceDiverged.map((d) => `reference run: ${d}`));
  const duplicates = countDuplicates(run.entities);
  details.push(...duplicates.details);
  let lost = 0;
  for (const intent of intents) {
    if (holds(reference.entities, intent) && !holds(run.entities, intent)) {
      lost += 1;
      details.push(`lost: ${intent.pair} ${intent.key}.${intent.field} = ${JSON.stringify(intent.value)}`);
    }
  }
  let differences = 0;
  const bySlot = (list: Entity[]) => new Map(list.map((e) => [slot(e), e]));
  const ours = bySlot(run.entities);
  const theirs = bySlot(reference.entities);
  for (const where of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = ours.get(where);
    const b = theirs.get(where);
    if (!a || !b) {
      differences += 1;
      details.push(`${a ? 'extra' : 'missing'} record: ${where}`);
      continue;
    }
    for (const field of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
      if (JSON.stringify(a.fields[field]) === JSON.stringify(b.fields[field])) continue;
      differences += 1;
      details.push(`differs: ${where}.${field}: ${JSON.stringify(a.fields[field])} (reference ${JSON.stringify(b.fields[field])})`);
    }
  }
  const unaccounted = multisetDifference(run.conflicts, reference.conflicts);
  for (const c of unaccounted) details.push(`conflict in one run only: ${c}`);
  differences += unaccounted.length;
  for (const reason of multisetDifference(run.refused, reference.refused)) {
    differences += 1;
    details.push(`write refused in one run only: ${reason}`);
  }
  differences += diverged.length + referenceDiverged.length;
  return {
    duplicates: duplicates.count,
    lost,
    differences,
    conflictsUnaccounted: unaccounted.length,
    diverged: diverged.length,
    referenceDiverged: referenceDiverged.length,
    details,
  };
}

function multisetDifference(a: string[], b: string[]): string[] {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  for (const x of b) count.set(x, (count.get(x) ?? 0) - 1);
  return [...count].flatMap(([x, n]) => Array.from({ length: Math.abs(n) }, () => `${n > 0 ? '+' : '-'} ${x}`));
}
