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

export function describeSyncResult(result: SyncResult): Notice {
  if (result.state === 'failed') return failure(`Sync failed: ${result.error ?? 'unknown error'}`);
  if (result.state === 'skipped') return ok(result.error ?? 'Skipped: a sync was already running.');
  const sum = (pick: (e: SyncResult['entities'][number]) => number) => result.entities.reduce((total, e) => total + pick(e), 0);
  const created = sum((e) => e.created.servicem8 + e.created.stripe);
  const updated = sum((e) => e.updated.servicem8 + e.updated.stripe);
  const conflicts = sum((e) => e.conflicts);
  const parts = [`${created} created`, `${updated} updated`];
  if (conflicts) parts.push(`${conflicts} to approve`);
  return ok(`Sync finished: ${parts.join(', ')}.`);
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
    setNotice(response.ok ? describeSyncResult(response.value) : failure(response.error.message));
    const fresh = await client.call('getStatus', {});
    if (fresh.ok) setStatus(fresh.value);
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
