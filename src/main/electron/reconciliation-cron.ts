// Reconciliation on a cron schedule in the business time zone (default daily 18:00).
// node-cron, because it is a wall-clock time, unlike the sync interval.
import cron, { type ScheduledTask } from 'node-cron';
import type { Settings } from '../../shared/settings';
import { createLogger } from '../core/logging/logger';

const log = createLogger('electron/reconcile');

export interface ReconciliationCron {
  /** Applies new settings (a changed expression or time zone restarts the task). */
  apply(settings: Settings): void;
  stop(): void;
}

export function createReconciliationCron(run: () => Promise<unknown>): ReconciliationCron {
  let task: ScheduledTask | null = null;
  let key = '';
  return {
    apply(settings) {
      const next = `${settings.reconciliation.cron}|${settings.businessTimeZone}`;
      if (next === key) return;
      key = next;
      void task?.stop();
      task = cron.schedule(
        settings.reconciliation.cron,
        () => run().catch((error: unknown) => log.error({ err: error }, 'reconciliation failed')),
        { timezone: settings.businessTimeZone, noOverlap: true, name: 'reconciliation' },
      );
    },
    stop() {
      void task?.stop();
      task = null;
      key = '';
    },
  };
}
