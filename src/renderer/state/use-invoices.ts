// Invoices screen state: every job that is or could be an invoice (the server says its
// state and reason in words), filtered by state on the server.
import { useCallback, useEffect, useState } from 'react';
import type { InvoiceRow } from '../../shared/api';
import { useApi } from './api-context';

export type InvoiceFilter = '' | InvoiceRow['state'];

export interface InvoicesState {
  rows: InvoiceRow[] | null;
  error: string | null;
  filter: InvoiceFilter;
  setFilter: (filter: InvoiceFilter) => void;
}

export function useInvoices(): InvoicesState {
  const client = useApi();
  const [filter, setFilter] = useState<InvoiceFilter>('');
  const [rows, setRows] = useState<InvoiceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      client.call('listInvoices', filter ? { state: filter } : {}).then((response) => {
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

  return { rows, error, filter, setFilter };
}
