// The shape the Needs you lists share (decisions, records to fix, refused writes): a
// list loaded on mount and again on every `conflictsChanged` (a sync or a decision is
// what fills or empties them), a selection that keeps only rows still selectable, and
// actions on some rows that say what they did, then reload the list.
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse, AppApiClient } from '../../shared/api';
import { useApi } from './api-context';
import type { Notice } from './notice';

export interface LiveList<T> {
  items: T[] | null;
  /** Why the list could not be loaded (cleared by the next load that works). */
  error: string | null;
  selected: ReadonlySet<number>;
  busy: boolean;
  notice: Notice | null;
  toggle: (id: number) => void;
  /** Selects every one of `ids`, or none when all of them are selected already. */
  toggleAll: (ids: number[]) => void;
  reload: () => Promise<void>;
  /** Runs `run` on `ids` (nothing when empty), shows the notice it returns, then reloads. */
  act: (ids: number[], run: (client: AppApiClient) => Promise<Notice>) => Promise<void>;
}

/**
 * `load` and `selectable` must keep their identity across renders (module-level functions):
 * `load` fetches the list, `selectable` names the ids of it a person may select.
 */
export function useLiveList<T>(
  load: (client: AppApiClient) => Promise<ApiResponse<T[]>>,
  selectable: (items: T[]) => number[],
): LiveList<T> {
  const client = useApi();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      load(client).then((response) => {
        if (!response.ok) return setError(response.error.message);
        setError(null);
        setItems(response.value);
        // A row that left the list (decided, retried, dismissed) cannot stay selected.
        const still = new Set(selectable(response.value));
        setSelected((current) => new Set([...current].filter((id) => still.has(id))));
      }),
    [client, load, selectable],
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

  const toggleAll = useCallback((ids: number[]) => {
    setSelected((current) => (current.size === ids.length ? new Set() : new Set(ids)));
  }, []);

  const act = useCallback(
    async (ids: number[], run: (client: AppApiClient) => Promise<Notice>) => {
      if (ids.length === 0) return;
      setBusy(true);
      setNotice(await run(client));
      await reload();
      setBusy(false);
    },
    [client, reload],
  );

  return { items, error, selected, busy, notice, toggle, toggleAll, reload, act };
}
