// Status screen state: the current status (live via the `status` event), Sync now with
// its outcome, Pause/Resume. Components render this and call the actions.
import { useCallback, useEffect, useState } from 'react';
import type { Status, SyncResult } from '../../shared/api';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';

export interface StatusState {
  status: Status | null;
  loadError: string | null;
  busy: 'sync' | 'pause' | null;
  notice: Notice | null;
  syncNow: () => Promise<void>;
  togglePause: () => Promise<void>;
}

/** What Sync now did. The open questions are counted once, by the status ("Needs you: …"), not here. */
export function describeSyncResult(result: SyncResult, plainError: string | null): Notice {
  if (result.state === 'failed') return failure(`The sync did not finish: ${plainError ?? 'it stopped with an error'}.`);
  if (result.state === 'skipped') return ok(result.error ?? 'Skipped: a sync was already running.');
  const sum = (pick: (e: SyncResult['entities'][number]) => number) => result.entities.reduce((total, e) => total + pick(e), 0);
  const created = sum((e) => e.created.servicem8 + e.created.stripe);
  const updated = sum((e) => e.updated.servicem8 + e.updated.stripe);
  return ok(`Sync finished: ${created} created, ${updated} updated.`);
}

export function useStatus(): StatusState {
  const client = useApi();
  const [status, setStatus] = useState<Status | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<StatusState['busy']>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let live = true;
    const off = client.on('status', (next) => setStatus(next));
    void client.call('getStatus', {}).then((response) => {
      if (!live) return;
      if (response.ok) setStatus(response.value);
      else setLoadError(response.error.message);
    });
    return () => {
      live = false;
      off();
    };
  }, [client]);

  const syncNow = useCallback(async () => {
    setBusy('sync');
    setNotice(null);
    const response = await client.call('syncNow', { dryRun: false });
    const fresh = await client.call('getStatus', {});
    if (fresh.ok) setStatus(fresh.value);
    setNotice(response.ok ? describeSyncResult(response.value, fresh.ok ? fresh.value.lastError : null) : failure(response.error.message));
    setBusy(null);
  }, [client]);

  const togglePause = useCallback(async () => {
    if (!status) return;
    setBusy('pause');
    const response = await client.call('setPaused', { paused: !status.paused });
    if (response.ok) setStatus(response.value);
    else setNotice(failure(response.error.message));
    setBusy(null);
  }, [client, status]);

  return { status, loadError, busy, notice, syncNow, togglePause };
}
