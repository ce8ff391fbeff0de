// Activity screen state: the audit log filtered by record type, outcome and a search
// over names, messages and ids (all on the server, so older rows are found too),
// refreshed on `activity` events, and the CSV export.
import { useCallback, useEffect, useState } from 'react';
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

export function useActivity(limit = 500): ActivityState {
  const client = useApi();
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [entity, setEntity] = useState('');
  const [outcome, setOutcome] = useState<OutcomeFilter>('');
  const [text, setText] = useState('');
  const [entities, setEntities] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client
        .call('listActivity', {
          limit,
          ...(entity ? { entity } : {}),
          ...(outcome ? { outcome } : {}),
          ...(text.trim() ? { search: text.trim() } : {}),
        })
        .then((response) => {
          if (!response.ok) return setLoadError(response.error.message);
          setLoadError(null);
          setEntries(response.value);
          setEntities((known) => [...new Set([...known, ...response.value.map((e) => e.entity)])].sort());
        }),
    [client, entity, outcome, text, limit],
  );

  useEffect(() => {
    const off = client.on('activity', () => void reload());
    void reload();
    return off;
  }, [client, reload]);

  const exportCsv = useCallback(async () => {
    const response = await client.call('exportActivityCsv', {});
    if (!response.ok) return setNotice(failure(response.error.message));
    downloadText(response.value.filename, response.value.csv, 'text/csv;charset=utf-8');
    setNotice(ok(`Saved ${response.value.filename} to your downloads.`));
  }, [client]);

  return { entries, loadError, entity, outcome, text, entities, notice, setEntity, setOutcome, setText, exportCsv };
}
