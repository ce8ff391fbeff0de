// What the status says after the sync worker died: "failing", with a plain sentence,
// from the crash until a sync finishes in the restarted worker (that sync's own
// outcome then speaks for itself). The worker cannot say this itself: it is gone, or
// it is a fresh one that never saw the crash.
import type { Status } from '../../../shared/api';

export interface WorkerCrash {
  /** When the worker died (ISO instant). */
  at: string;
  /** The worker's own reason, already redacted. */
  reason: string;
  /** When the next worker starts; null once it runs. */
  restartAt: Date | null;
}

export function crashMessage(crash: WorkerCrash, now: Date): string {
  const base = `The sync engine stopped unexpectedly (${crash.reason})`;
  if (crash.restartAt === null) return `${base} and was restarted; the next sync will show whether all is well.`;
  const seconds = Math.max(1, Math.ceil((crash.restartAt.getTime() - now.getTime()) / 1000));
  return `${base}; restarting it in ${seconds} s.`;
}

/** True once a sync finished after the crash: the crash no longer describes the state. */
export function crashIsOver(status: Status, crash: WorkerCrash): boolean {
  return status.lastSyncAt !== null && Date.parse(status.lastSyncAt) > Date.parse(crash.at);
}

export function withCrash(status: Status, crash: WorkerCrash, now: Date): Status {
  const message = crashMessage(crash, now);
  return { ...status, state: 'failing', headline: message, lastError: message };
}
