// The two lists beside the decisions on Needs you: records set aside (quarantine) and
// writes a service refused (retry or dismiss, one or many), both over useLiveList.
import { useCallback } from 'react';
import type { AppApiClient, FailureView, QuarantineEntry } from '../../shared/api';
import { failure, ok, type Notice } from './notice';
import { useLiveList } from './use-live-list';

const loadQuarantine = (client: AppApiClient) => client.call('listQuarantine', {});
const loadFailures = (client: AppApiClient) => client.call('listFailures', {});
const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id);

export function useQuarantine(): { records: QuarantineEntry[] | null; error: string | null } {
  const { items, error } = useLiveList(loadQuarantine, idsOf);
  return { records: items, error };
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
  const list = useLiveList(loadFailures, idsOf);
  const { act } = list;
  const settle = useCallback(
    (ids: number[], how: 'retry' | 'dismiss') =>
      act(ids, async (client) => {
        const response = await client.call(how === 'retry' ? 'retryFailures' : 'dismissFailures', { ids });
        if (!response.ok) return failure(response.error.message);
        const n = response.value.resolved.length;
        const what = `${n} refused write${n === 1 ? '' : 's'}`;
        return ok(how === 'retry' ? `${what} will be sent again at the next sync.` : `Dismissed ${what}; they will not be sent.`);
      }),
    [act],
  );
  return {
    failures: list.items,
    error: list.error,
    selected: list.selected,
    busy: list.busy,
    notice: list.notice,
    toggle: list.toggle,
    settle,
  };
}
