// What planning produces for one entity pair, before anything is persisted: the
// writes for the outbox, links found by matching, merge bases that caught up,
// questions for a person. A dry run prints this and stops.
import type { NewConflict } from '../../store/repositories/conflicts-repository';

export interface PlannedWrite {
  entity: string;
  target: 'servicem8' | 'stripe';
  operation: string;
  /** The record the write is about (outbox rows for a busy subject block new plans for it). */
  subjectId: string;
  payload: unknown;
  priority: number;
  /** For people: what is written where. */
  describe: { subject: string; fields: Record<string, unknown> };
}

export interface PlannedLink {
  entity: string;
  servicem8Id: string;
  stripeId: string;
  servicem8EditedAt: string | null;
  stripeEditedAt: string | null;
}

export interface PlannedBase {
  entity: string;
  servicem8Id: string;
  fields: Record<string, unknown>;
}

export interface PairPlan {
  writes: PlannedWrite[];
  links: PlannedLink[];
  bases: PlannedBase[];
  conflicts: NewConflict[];
  /** Resolved conflicts that need no write (both sides already agree): mark applied. */
  settledConflicts: number[];
  /** Resolved conflicts that could not be carried out, with why. */
  unresolvable: { id: number; reason: string }[];
  skipped: { id: string; reason: string }[];
  /** Subjects left alone because a write for them is still waiting: planned again next cycle. */
  deferred: { servicem8: string[]; stripe: string[] };
  /** Dedupe keys of open questions that answered themselves (both sides agree now). */
  settledQuestions: string[];
}

export function emptyPlan(): PairPlan {
  return {
    writes: [],
    links: [],
    bases: [],
    conflicts: [],
    settledConflicts: [],
    unresolvable: [],
    skipped: [],
    deferred: { servicem8: [], stripe: [] },
    settledQuestions: [],
  };
}
