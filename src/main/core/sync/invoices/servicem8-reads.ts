// The invoices pair's ServiceM8 reads: jobs, lines, tax rates, staff and categories,
// each by its cursor. They can start early (readAhead) while the clients pair's writes
// go out: those writes touch companies and contacts, never anything read here.
import type { ChangeCursor } from '../../connectors/servicem8/index';
import { ReadPace } from '../../connectors/servicem8/read-pace';
import type { CycleContext } from '../engine/sync-pair';
import { ReadAhead } from '../kit/read-ahead';
import { INVOICE_CURSORS } from './definition';
import type { InvoicePairDeps } from './pair-deps';

export const PULLED = ['taxrate', 'staff', 'category', 'job', 'jobmaterial'] as const;
export type Pulled = (typeof PULLED)[number];

export interface PulledRecord {
  uuid: string;
  active: boolean;
  editDate: string;
}

export interface PulledObject {
  records: PulledRecord[];
  rejected: { uuid: string; object: string; reason: string; jobUuid?: string }[];
  cursor: ChangeCursor;
}

export function servicem8Reads(deps: Pick<InvoicePairDeps, 'store' | 'servicem8'>) {
  const ahead = new ReadAhead<PulledObject>();
  // Reads made ahead rest between slices of parsing until prepare needs them.
  let pace: ReadPace | null = null;
  const saved = (object: Pulled) => deps.store.cursors.get(INVOICE_CURSORS[object]);
  // A read started early is used only in the same cycle and from the same cursor.
  const keyOf = (context: CycleContext, object: Pulled, cursor: string | null) => `${context.runId}\u0000${object}\u0000${cursor ?? ''}`;
  const read = async (object: Pulled, cursor: string | null, signal: AbortSignal, readPace?: ReadPace): Promise<PulledObject> => {
    const parsed = cursor ? (JSON.parse(cursor) as ChangeCursor) : null;
    const result = await deps.servicem8.listChangedSince(object, parsed, { signal, ...(readPace ? { pace: readPace } : {}) });
    return { records: result.records, rejected: result.rejected, cursor: result.cursor };
  };

  return {
    /** Starts the five reads, one after another (as prepare makes them), without waiting. */
    readAhead(context: CycleContext): void {
      pace?.hurry(); // a read-ahead left by an earlier cycle stops resting
      ahead.clear();
      const background = (pace = new ReadPace('background'));
      let previous: Promise<unknown> = Promise.resolve();
      for (const object of PULLED) {
        const cursor = saved(object);
        const next = previous.then(() => read(object, cursor, context.signal, background));
        previous = next.catch(() => undefined);
        ahead.start(keyOf(context, object, cursor), next);
      }
    },

    /** One object's changes: the read started early when it still fits, else a read now. */
    pull(context: CycleContext, object: Pulled): Promise<PulledObject> {
      const cursor = saved(object);
      pace?.hurry();
      return ahead.take(keyOf(context, object, cursor)) ?? read(object, cursor, context.signal);
    },

    /** Drops reads not taken. */
    finish(): void {
      pace?.hurry(); // reads not taken finish (and are dropped) without resting
      pace = null;
      ahead.clear();
    },
  };
}
