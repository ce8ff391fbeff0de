// The app's calls for reconciliation and the month-end GST report, and the one
// reconcile() every trigger goes through (the cron in the sync worker, after a sync, on
// demand). A run holds the data folder's cycle lock, so it never reads a half-applied
// sync of another process; an event after each run lets the UI refresh and the shell
// decide on a notification.
import path from 'node:path';
import type { ApiResult } from '../../../shared/api';
import { createLogger } from '../logging/logger';
import { buildGstReport, gstCsv, gstReportFileName } from '../reports/gst';
import {
  reconciliationHistory,
  runReconciliation,
  storedReconciliation,
  type ReconciliationReport,
  type ReconciliationTrigger,
} from '../reports/reconciliation';
import type { Store } from '../store/store';
import { FileCycleLock } from '../sync/engine/cycle-lock';
import { AppError, type ApiHandlers, type EventHub } from './app-backend';
import type { SettingsPort } from './settings-port';

const log = createLogger('app/reports');

export interface ReportHandlerDeps {
  store: Store;
  settings: SettingsPort;
  events: EventHub;
  clock?: () => Date;
  /** A sync in progress in this process: its own run comes right after it. */
  syncRunning: () => boolean;
}

export type ReportHandlers = Pick<ApiHandlers, 'runReconciliation' | 'getReconciliation' | 'gstReport' | 'exportGstCsv'> & {
  /** One run now; throws AppError('busy') while a sync holds the folder. */
  reconcile(trigger: ReconciliationTrigger): Promise<ReconciliationReport>;
};

export function createReportHandlers(deps: ReportHandlerDeps): ReportHandlers {
  const { store, settings, events } = deps;
  const clock = deps.clock ?? (() => new Date());

  // async: a refusal is a rejected promise, whoever calls.
  // eslint-disable-next-line @typescript-eslint/require-await
  async function reconcile(trigger: ReconciliationTrigger): Promise<ReconciliationReport> {
    if (store.readOnly)
      throw new AppError('forbidden', 'This data folder is read-only: reconciliation stores its findings and cannot run here.');
    if (deps.syncRunning()) throw new AppError('busy', 'A sync is running; reconciliation runs right after it.');
    const lock = new FileCycleLock(path.dirname(store.file));
    const held = lock.acquire();
    if (held) {
      const who = held.heldBy > 0 ? ` (process ${held.heldBy})` : '';
      throw new AppError('busy', `A sync is running in this data folder${who}; reconcile after it finishes.`);
    }
    try {
      const report = runReconciliation(store, { settings: settings.get(), trigger, clock });
      const { summary } = report;
      log.info(
        { trigger, reportId: report.reportId, findings: summary.findings, newFindings: summary.newFindings, linked: summary.linked },
        'reconciliation finished',
      );
      events.emit('reconciliation', {
        reportId: report.reportId,
        trigger,
        findings: summary.findings,
        newFindings: summary.newFindings,
        newNeedingPerson: summary.newNeedingPerson,
      });
      return report;
    } finally {
      lock.release();
    }
  }

  function report(params: { month: string; basis?: 'accrual' | 'cash' | undefined; all: boolean }): ApiResult<'gstReport'> {
    const current = settings.get();
    return buildGstReport(store, {
      month: params.month,
      basis: params.basis ?? current.gst.basis,
      zone: current.businessTimeZone,
      all: params.all,
    });
  }

  return {
    reconcile,
    runReconciliation: () => reconcile('manual'),
    getReconciliation({ reportId, historyLimit }) {
      const latest = storedReconciliation(store, reportId);
      if (reportId !== undefined && !latest)
        throw new AppError('not_found', `There is no reconciliation run #${reportId} (older runs are not kept).`);
      return Promise.resolve({ latest, history: reconciliationHistory(store, historyLimit) });
    },
    gstReport: (params) => Promise.resolve(report(params)),
    exportGstCsv(params) {
      const built = report(params);
      return Promise.resolve({ filename: gstReportFileName(built.month, built.basis), csv: gstCsv(built.rows) });
    },
  };
}
