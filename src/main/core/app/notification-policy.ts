// When the app may interrupt a person: only when they must act. New conflicts (the
// count went up), and a sync that has been failing for longer than the threshold
// (once per failing streak, so a flaky network at 3 am does not wake anyone), and a
// reconciliation that found something new a person must look at.
import type { AppEvent, Status } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';

export interface AppNotification {
  kind: 'conflicts' | 'failing' | 'reconciliation';
  title: string;
  body: string;
}

export interface NotificationPolicy {
  /** Feed every status; returns what to show now (usually nothing). */
  observe(status: Status, settings: Settings, now: Date): AppNotification[];
}

export function createNotificationPolicy(): NotificationPolicy {
  let knownConflicts: number | null = null;
  let failingSince: number | null = null;
  let failureNotified = false;

  return {
    observe(status, settings, now) {
      const out: AppNotification[] = [];
      const open = status.counts.openConflicts;
      // The first status only sets the baseline: conflicts from before launch are not news.
      if (knownConflicts !== null && open > knownConflicts && settings.notifications.conflicts) {
        const added = open - knownConflicts;
        out.push({
          kind: 'conflicts',
          title: added === 1 ? 'A conflict needs your decision' : `${added} conflicts need your decision`,
          body: 'ServiceM8 and Stripe disagree. Open sm8sync to choose which side to keep.',
        });
      }
      knownConflicts = open;

      const failing = status.lastError !== null && status.state !== 'not_connected' && status.state !== 'paused';
      if (!failing) {
        failingSince = null;
        failureNotified = false;
      } else {
        failingSince ??= now.getTime();
        const longEnough = now.getTime() - failingSince >= settings.notifications.failureThresholdMinutes * 60_000;
        if (longEnough && !failureNotified && settings.notifications.failures) {
          failureNotified = true;
          out.push({ kind: 'failing', title: 'Sync is failing', body: status.lastError ?? 'The last sync failed.' });
        }
      }
      return out;
    },
  };
}

/** After a reconciliation run: a notification only for new findings that need a person, when the setting allows. */
export function reconciliationNotification(event: AppEvent<'reconciliation'>, settings: Settings): AppNotification | null {
  if (event.newNeedingPerson === 0 || !settings.notifications.reconciliationFindings) return null;
  const n = event.newNeedingPerson;
  return {
    kind: 'reconciliation',
    title: n === 1 ? 'Reconciliation found a new difference' : `Reconciliation found ${n} new differences`,
    body: 'ServiceM8 and Stripe disagree on a client, an invoice or a payment. Open sm8sync to see what differs.',
  };
}
