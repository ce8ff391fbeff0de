// Conflicts screen state: the list (refreshed on `conflictsChanged`), the selection,
// and decisions for one row or for every selected row at once, over useLiveList.
import { useCallback, useMemo } from 'react';
import type { AppApiClient, ConflictView } from '../../shared/api';
import { failure, ok, type Notice } from './notice';
import { SIDE_LABEL } from '../../shared/labels';
import { useLiveList } from './use-live-list';

export type Take = 'servicem8' | 'stripe';
/** A decision: one of the conflict's own actions (with the candidate a link picks), or the two-sided `take` for bulk. */
export type Decision = { take: Take } | { action: string; candidate?: string };

/** "Kept Stripe" for the keep answers, 'Chose "Link to this one"' for the rest. */
export function decisionWords(decision: Decision, conflicts: ConflictView[]): string {
  const side = 'take' in decision ? decision.take : decision.action.replace(/^keep_/, '');
  if (side === 'servicem8' || side === 'stripe') return `Kept ${SIDE_LABEL[side]}`;
  const name = 'action' in decision ? decision.action : '';
  const label = conflicts.flatMap((c) => c.actions).find((a) => a.name === name)?.label ?? name.replaceAll('_', ' ');
  return `Chose "${label}"`;
}

/** Actions (without a candidate to pick) offered by every one of these conflicts, in the first one's order. */
export function commonActions(conflicts: ConflictView[]): { name: string; label: string }[] {
  const [first, ...rest] = conflicts;
  if (!first) return [];
  return first.actions
    .filter((a) => a.candidateIds === null && rest.every((c) => c.actions.some((b) => b.name === a.name && b.candidateIds === null)))
    .map(({ name, label }) => ({ name, label }));
}

export interface ConflictsState {
  conflicts: ConflictView[] | null;
  loadError: string | null;
  selected: ReadonlySet<number>;
  busy: boolean;
  notice: Notice | null;
  /** Only open conflicts can be selected and decided. */
  selectable: number[];
  /** The decisions every selected conflict offers (the same decision for all of them). */
  bulkActions: { name: string; label: string }[];
  toggle: (id: number) => void;
  toggleAll: () => void;
  decide: (ids: number[], decision: Decision) => Promise<void>;
}

const loadConflicts = (client: AppApiClient) => client.call('listConflicts', { includeClosed: false });
/** Only open conflicts can be selected and decided. */
const openIds = (conflicts: ConflictView[]) => conflicts.filter((c) => c.state === 'open').map((c) => c.id);

export function useConflicts(): ConflictsState {
  const list = useLiveList(loadConflicts, openIds);
  const { items: conflicts, selected, act, toggleAll: toggleAmong } = list;
  const selectable = useMemo(() => openIds(conflicts ?? []), [conflicts]);
  const bulkActions = useMemo(() => commonActions((conflicts ?? []).filter((c) => selected.has(c.id))), [conflicts, selected]);
  const toggleAll = useCallback(() => toggleAmong(selectable), [toggleAmong, selectable]);

  const decide = useCallback(
    (ids: number[], decision: Decision) =>
      act(ids, async (client) => {
        const response = await client.call('resolveConflicts', { ids, ...decision });
        if (!response.ok) return failure(response.error.message);
        const { resolved, failed } = response.value;
        const head = `${decisionWords(decision, conflicts ?? [])} for ${resolved.length} conflict${resolved.length === 1 ? '' : 's'}; applies at the next sync.`;
        return failed.length
          ? failure(`${head} ${failed.length} could not be changed: ${failed.map((f) => `#${f.id} ${f.reason}`).join(', ')}.`)
          : ok(head);
      }),
    [act, conflicts],
  );

  return {
    conflicts,
    loadError: list.error,
    selected,
    busy: list.busy,
    notice: list.notice,
    selectable,
    bulkActions,
    toggle: list.toggle,
    toggleAll,
    decide,
  };
}
