// The two lists beside the decisions on Needs you: records set aside (quarantine) and
// writes a service refused (retry or dismiss, one or many). Both reload whenever the
// status changes, since a sync is what fills or empties them.
import { useCallback, useEffect, useState } from 'react';
import type { FailureView, QuarantineEntry } from '../../shared/api';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';

export function useQuarantine(): { records: QuarantineEntry[] | null; error: string | null } {
  const client = useApi();
  const [records, setRecords] = useState<QuarantineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void client.call('listQuarantine', {}).then((response) => {
        if (response.ok) setRecords(response.value);
        else setError(response.error.message);
      });
    const off = client.on('conflictsChanged', load);
    load();
    return off;
  }, [client]);
  return { records, error };
}

export interface FailuresState {
  failures: FailureView[] | null;
  error: string | null;
  selected: ReadonlySet<number>;
  busy: boolean;
  notice: Notice | null;
  toggle: (id: number) => void;
  settle: (ids: number[], how: 'retry' | 'dismiss') => Promise<void>;
}

export function useFailures(): FailuresState {
  const client = useApi();
  const [failures, setFailures] = useState<FailureView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client.call('listFailures', {}).then((response) => {
        if (!response.ok) return setError(response.error.message);
        setFailures(response.value);
        const ids = new Set(response.value.map((f) => f.id));
        setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
      }),
    [client],
  );

  useEffect(() => {
    const off = client.on('conflictsChanged', () => void reload());
    void reload();
    return off;
  }, [client, reload]);

  const toggle = useCallback((id: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const settle = useCallback(
    async (ids: number[], how: 'retry' | 'dismiss') => {
      if (!ids.length) return;
      setBusy(true);
      const response = await client.call(how === 'retry' ? 'retryFailures' : 'dismissFailures', { ids });
      if (!response.ok) setNotice(failure(response.error.message));
      else {
        const n = response.value.resolved.length;
        const what = `${n} refused write${n === 1 ? '' : 's'}`;
        setNotice(ok(how === 'retry' ? `${what} will be sent again at the next sync.` : `Dismissed ${what}; they will not be sent.`));
      }
      await reload();
      setBusy(false);
    },
    [client, reload],
  );

  return { failures, error, selected, busy, notice, toggle, settle };
}
