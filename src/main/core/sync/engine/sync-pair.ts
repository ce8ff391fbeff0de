// The contract between the generic engine and one entity pair (clients now;
// invoices and payments next). A pair reads and plans; the engine persists the plan
// with the cursors in one transaction, applies the outbox and records the results.
import type { Settings } from '../../../../shared/settings';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { Side } from '../../store/repositories/mirror-repository';
import type { FailureKind } from '../clients/ports';
import type { PairPlan } from './plan-types';

export interface CycleContext {
  runId: number;
  dryRun: boolean;
  settings: Settings;
  signal: AbortSignal;
  now(): Date;
  progress(phase: string, entity: string | null, done: number, total: number | null): void;
}

export interface PreparedPair {
  plan: PairPlan;
  pulled: { servicem8: number; stripe: number };
  quarantined: number;
  /** Saves what was read (mirror, quarantine, cursors). Called inside the plan transaction. */
  persist(): void;
}

export interface MirrorWrite {
  side: Side;
  object: string;
  id: string;
  record: unknown;
  editedAt: string | null;
  active: boolean;
}

/** What one applied outbox item changed, for the engine to record atomically. */
export interface AppliedWrite {
  servicem8Id: string;
  stripeId: string;
  /** A link to create (first write of a new pair) or to re-point (replaced record). */
  link?: { mode: 'create' | 'repoint'; servicem8EditedAt: string | null; stripeEditedAt: string | null };
  linkState?: 'active' | 'archived';
  /** Field values both sides now hold: merged into the merge base. */
  base: Record<string, unknown>;
  mirror: MirrorWrite[];
  before: unknown;
  after: unknown;
  conflictIds: number[];
  result: unknown;
}

export interface SyncPair {
  entity: string;
  prepare(context: CycleContext): Promise<PreparedPair>;
  apply(item: OutboxItem, context: CycleContext): Promise<AppliedWrite>;
  /** Classifies an error thrown by apply() or prepare() for the target it came from. */
  classify(error: unknown): { kind: FailureKind; message: string; retryAfterMs?: number };
}
