// Conflicts screen state: the list (refreshed on `conflictsChanged`), the selection,
// and decisions for one row or for every selected row at once.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConflictView } from '../../shared/api';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';
import { SIDE_LABEL } from '../../shared/labels';

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

export function useConflicts(): ConflictsState {
  const client = useApi();
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client.call('listConflicts', { includeClosed: false }).then((response) => {
        if (!response.ok) return setLoadError(response.error.message);
        setLoadError(null);
        setConflicts(response.value);
        // A decided row cannot stay selected: drop ids that are no longer open.
        const open = new Set(response.value.filter((c) => c.state === 'open').map((c) => c.id));
        setSelected((current) => new Set([...current].filter((id) => open.has(id))));
      }),
    [client],
  );

  useEffect(() => {
    const off = client.on('conflictsChanged', () => void reload());
    void reload();
    return off;
  }, [client, reload]);

  const selectable = useMemo(() => (conflicts ?? []).filter((c) => c.state === 'open').map((c) => c.id), [conflicts]);
  const bulkActions = useMemo(() => commonActions((conflicts ?? []).filter((c) => selected.has(c.id))), [conflicts, selected]);

  const toggle = useCallback((id: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const toggleAll = useCallback(() => {
    setSelected((current) => (current.size === selectable.length ? new Set() : new Set(selectable)));
  }, [selectable]);

  const decide = useCallback(
    async (ids: number[], decision: Decision) => {
      if (ids.length === 0) return;
      setBusy(true);
      const response = await client.call('resolveConflicts', { ids, ...decision });
      if (!response.ok) setNotice(failure(response.error.message));
      else {
        const { resolved, failed } = response.value;
        const head = `${decisionWords(decision, conflicts ?? [])} for ${resolved.length} conflict${resolved.length === 1 ? '' : 's'}; applies at the next sync.`;
        setNotice(
          failed.length
            ? failure(`${head} ${failed.length} could not be changed: ${failed.map((f) => `#${f.id} ${f.reason}`).join(', ')}.`)
            : ok(head),
        );
      }
      await reload();
      setBusy(false);
    },
    [client, reload, conflicts],
  );

  return { conflicts, loadError, selected, busy, notice, selectable, bulkActions, toggle, toggleAll, decide };
}
