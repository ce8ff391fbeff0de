// Activity screen state: the audit log filtered by entity and outcome (on the server)
// and by free text (here), refreshed on `activity` events, and the CSV export.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ActivityEntry } from '../../shared/api';
import { useApi } from './api-context';
import { downloadText } from './download';
import { failure, ok, type Notice } from './notice';

export type OutcomeFilter = '' | ActivityEntry['outcome'];

export interface ActivityState {
  entries: ActivityEntry[] | null;
  loadError: string | null;
  entity: string;
  outcome: OutcomeFilter;
  text: string;
  entities: string[];
  notice: Notice | null;
  setEntity: (entity: string) => void;
  setOutcome: (outcome: OutcomeFilter) => void;
  setText: (text: string) => void;
  exportCsv: () => Promise<void>;
}

export function matchesText(entry: ActivityEntry, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [entry.entity, entry.operation, entry.message, entry.servicem8Id, entry.stripeId, entry.direction]
    .join(' ')
    .toLowerCase();
  return haystack.includes(needle);
}

export function useActivity(limit = 500): ActivityState {
  const client = useApi();
  const [all, setAll] = useState<ActivityEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [entity, setEntity] = useState('');
  const [outcome, setOutcome] = useState<OutcomeFilter>('');
  const [text, setText] = useState('');
  const [entities, setEntities] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client.call('listActivity', { limit, ...(entity ? { entity } : {}), ...(outcome ? { outcome } : {}) }).then((response) => {
        if (!response.ok) return setLoadError(response.error.message);
        setLoadError(null);
        setAll(response.value);
        setEntities((known) => [...new Set([...known, ...response.value.map((e) => e.entity)])].sort());
      }),
    [client, entity, outcome, limit],
  );

  useEffect(() => {
    const off = client.on('activity', () => void reload());
    void reload();
    return off;
  }, [client, reload]);

  const entries = useMemo(() => all?.filter((entry) => matchesText(entry, text)) ?? null, [all, text]);

  const exportCsv = useCallback(async () => {
    const response = await client.call('exportActivityCsv', {});
    if (!response.ok) return setNotice(failure(response.error.message));
    downloadText(response.value.filename, response.value.csv, 'text/csv;charset=utf-8');
    setNotice(ok(`Saved ${response.value.filename} to your downloads.`));
  }, [client]);

  return { entries, loadError, entity, outcome, text, entities, notice, setEntity, setOutcome, setText, exportCsv };
}
