// Invoices screen state: every job that is or could be an invoice (the server says its
// state, reason, links and the actions that apply), filtered by state on the server,
// and the actions: send now (record it, then sync), retry, skip and don't skip.
import { useCallback, useEffect, useState } from 'react';
import type { AppApiClient, InvoiceAction, InvoiceView } from '../../shared/api';
import { useApi } from './api-context';
import { failure, ok, type Notice } from './notice';

export type InvoiceFilter = '' | InvoiceView['state'];

export interface InvoicesState {
  rows: InvoiceView[] | null;
  error: string | null;
  filter: InvoiceFilter;
  setFilter: (filter: InvoiceFilter) => void;
  busy: boolean;
  notice: Notice | null;
  act: (row: InvoiceView, action: InvoiceAction) => Promise<void>;
}

const jobName = (row: InvoiceView) => (row.jobNumber ? `Job ${row.jobNumber}` : 'The invoice');

/** Send now: the choice is recorded; a sync now sends it (or the next one, when this one cannot run). */
async function syncFor(client: AppApiClient, name: string): Promise<Notice> {
  const sync = await client.call('syncNow', { dryRun: false });
  if (!sync.ok) return ok(`${name} goes to Stripe with the next sync (${sync.error.message.replace(/\.$/, '')}).`);
  if (sync.value.state === 'skipped') return ok(`A sync is already running: ${name} goes to Stripe with the next one.`);
  if (sync.value.state === 'failed') return failure(`The sync did not finish: ${name} goes to Stripe with the next sync.`);
  return ok(`Synced: see ${name} below.`);
}

export function useInvoices(): InvoicesState {
  const client = useApi();
  const [filter, setFilter] = useState<InvoiceFilter>('');
  const [rows, setRows] = useState<InvoiceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(
    () =>
      client.call('listInvoiceView', filter ? { state: filter } : {}).then((response) => {
        if (!response.ok) return setError(response.error.message);
        setError(null);
        setRows(response.value);
      }),
    [client, filter],
  );

  useEffect(() => {
    void reload();
    return client.on('status', (status) => {
      if (!status.running) void reload();
    });
  }, [client, reload]);

  const act = useCallback(
    async (row: InvoiceView, action: InvoiceAction) => {
      const name = jobName(row);
      setBusy(true);
      setNotice(null);
      try {
        if (action === 'retry') {
          if (row.failureId === null) return;
          const response = await client.call('retryFailures', { ids: [row.failureId] });
          const refused = response.ok ? response.value.failed[0] : null;
          if (!response.ok || refused)
            setNotice(failure(`Could not retry ${name}: ${response.ok ? refused!.reason : response.error.message}`));
          else setNotice(ok(`${name} is sent again with the next sync.`));
          return;
        }
        if (!row.jobUuid) return;
        const response = await client.call('chooseInvoices', { jobUuids: [row.jobUuid], action });
        const refused = response.ok ? response.value.failed[0] : null;
        if (!response.ok || refused) {
          setNotice(failure(`Could not do that for ${name}: ${response.ok ? refused!.reason : response.error.message}.`));
          return;
        }
        if (action === 'skip') setNotice(ok(`${name} is skipped: it will not be billed in Stripe. “Don’t skip” undoes it.`));
        if (action === 'unskip') setNotice(ok(`${name} is no longer skipped: the next sync invoices it as the settings say.`));
        if (action === 'send_now') {
          setNotice(ok(`Sending ${name} to Stripe…`));
          setNotice(await syncFor(client, name));
        }
      } finally {
        setBusy(false);
        void reload();
      }
    },
    [client, reload],
  );

  return { rows, error, filter, setFilter, busy, notice, act };
}
