// What a sync pair declares about itself. The engine, the conflict and status views,
// the CLI and the UI read these declarations; none of them knows a pair by name, so a
// new pair is a folder that exports a definition, and nothing else changes.
import type { z } from 'zod';
import type { Settings } from '../../../../shared/settings';
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { Side } from '../../store/repositories/mirror-repository';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext } from './sync-pair';

/** Words people read about a pair's records. */
export interface PairLabels {
  /** "client" — one record, lower case, for sentences. */
  singular: string;
  /** "clients" */
  plural: string;
  /** What each side calls them: "ServiceM8 clients", "Stripe customers". */
  servicem8: string;
  stripe: string;
}

/**
 * One kind of write. The payload is parsed with `schema` before it is applied, and a
 * row written with another `version` is refused (a build that wrote it knew a shape
 * this one does not), so an upgrade never applies a payload blindly.
 */
export interface OperationDefinition<P = unknown> {
  name: string;
  target: Side;
  version: number;
  schema: z.ZodType<P>;
  /**
   * `content`: the key comes from what is written, so the same create planned twice is one
   * request. `run`: the key carries the run, so changing a value back and forth sends each change.
   */
  idempotency: 'content' | 'run';
  counts: 'created' | 'updated';
  /** One line for the activity list: "Phone 0412 345 678 → 0412 345 999". */
  describe(payload: P, applied: AppliedWrite | null): string;
}

export interface OperationHandler<P = unknown> extends OperationDefinition<P> {
  apply(payload: P, item: OutboxItem, context: CycleContext): Promise<AppliedWrite>;
}

/** What a decision will do, as offered to a person. */
export interface ConflictActionDefinition {
  name: string;
  label: string;
  /** Plain words: what choosing it does. */
  effect(conflict: Conflict, helpers: ActionHelpers): string;
  /** `--take servicem8|stripe` chooses this action (the common two-sided decisions). */
  take?: Side;
  /** The action links to one of the conflict's candidates, chosen by the person. */
  needsCandidate?: boolean;
  /** Null when it can be carried out now; otherwise why not (it is then not offered). */
  unavailable?(conflict: Conflict, helpers: ActionHelpers, candidateId: string | null): string | null;
}

export interface ConflictKindDefinition {
  /** "Different values", "Possible duplicate" … */
  label: string;
  actions: ConflictActionDefinition[];
  /**
   * What `--take servicem8|stripe` means for this kind (when it means anything): an
   * action and, for a link, the candidate it picks. Default: the action whose `take` is that side.
   */
  take?(conflict: Conflict, side: Side, helpers: ActionHelpers): { action: string; candidate: string | null } | null;
}

/** Read-only questions an action may ask of the local store. */
export interface ActionHelpers {
  isLinked(entity: string, side: Side, id: string): boolean;
  nameOf(entity: string, side: Side, id: string): string | null;
}

export interface PairDefinition {
  entity: string;
  labels: PairLabels;
  /** The mirror objects each side's records are kept under (titles and names come from them). */
  mirrors: Record<Side, string>;
  /** Cursor names this pair owns. */
  cursors: readonly string[];
  /** Shared change feeds this pair reads (engine-read once per cycle), with the event types it needs. */
  feeds?: Record<string, readonly string[]>;
  /** Pairs whose links this one needs, planned and applied earlier in the same cycle. */
  dependsOn: readonly string[];
  operations: Record<string, OperationDefinition>;
  conflictKinds: Record<string, ConflictKindDefinition>;
  /** A stored value as a person reads it (e.g. a phone in the chosen format). */
  displayValue?(field: string | null, value: unknown, settings: Settings): unknown;
  /** A record's name for people, from its mirrored form. */
  recordName?(side: Side, record: unknown): string | null;
}
