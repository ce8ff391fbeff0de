// Reconciliation screen state: the latest run with its findings (new since the last run
// marked by the server), the history of runs, and Run now. Refreshed when any run ends
// (the `reconciliation` event: a scheduled run, one after a sync, one from the terminal).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiResult } from '../../shared/api';
import type { FindingView } from '../../shared/report-schemas';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';

export type ReconciliationOverview = ApiResult<'getReconciliation'>;

export interface ReconciliationState {
  overview: ReconciliationOverview | null;
  /** The latest run's findings: first seen in it, and still open from earlier runs. */
  fresh: FindingView[];
  seen: FindingView[];
  error: string | null;
  running: boolean;
  notice: Notice | null;
  runNow: () => Promise<void>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function useReconciliation(): ReconciliationState {
  const client = useApi();
  const [overview, setOverview] = useState<ReconciliationOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client.call('getReconciliation', { historyLimit: 30 }).then((response) => {
        if (!response.ok) return setError(response.error.message);
        setError(null);
        setOverview(response.value);
      }),
    [client],
  );

  useEffect(() => {
    void reload();
    return client.on('reconciliation', () => void reload());
  }, [client, reload]);

  const runNow = useCallback(async () => {
    setRunning(true);
    setNotice({ tone: 'info', text: 'Comparing ServiceM8 and Stripe…' });
    try {
      const response = await client.call('runReconciliation', {});
      if (!response.ok) return setNotice(failure(response.error.message));
      const { findings, newFindings } = response.value.summary;
      setNotice(ok(`Reconciliation finished: ${plural(findings, 'finding')}, ${newFindings} new since the last run.`));
      await reload();
    } finally {
      setRunning(false);
    }
  }, [client, reload]);

  const findings = overview?.latest?.findings;
  const fresh = useMemo(() => (findings ?? []).filter((f) => f.isNew), [findings]);
  const seen = useMemo(() => (findings ?? []).filter((f) => !f.isNew), [findings]);
  return { overview, fresh, seen, error, running, notice, runNow };
}
