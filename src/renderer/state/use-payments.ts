// Payments screen state: one month's payments on both sides (the server pairs and words
// them), the month's totals of what was taken, the fees and what was left, and a filter
// by state. Refreshed after every sync (a status event with nothing running).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PaymentRow } from '../../shared/api';
import { useApi } from './api-context';

export type PaymentFilter = '' | PaymentRow['state'];

export interface PaymentTotals {
  count: number;
  amountCents: number;
  feeCents: number;
  netCents: number;
  unmatched: number;
}

/** Totals over the rows shown; a ServiceM8 Pay fee is ServiceM8's, so only Stripe's own fees count (the row carries 0 otherwise). */
export function paymentTotals(rows: PaymentRow[]): PaymentTotals {
  let amountCents = 0;
  let feeCents = 0;
  let unmatched = 0;
  for (const row of rows) {
    amountCents += row.amountCents;
    feeCents += row.feeCents;
    if (row.state !== 'synced' && row.state !== 'servicem8_pay') unmatched += 1;
  }
  return { count: rows.length, amountCents, feeCents, netCents: amountCents - feeCents, unmatched };
}

export interface PaymentsState {
  rows: PaymentRow[] | null;
  shown: PaymentRow[];
  totals: PaymentTotals;
  error: string | null;
  month: string;
  filter: PaymentFilter;
  setMonth: (month: string) => void;
  setFilter: (filter: PaymentFilter) => void;
}

export function usePayments(initialMonth: string): PaymentsState {
  const client = useApi();
  const [month, setMonth] = useState(initialMonth);
  const [filter, setFilter] = useState<PaymentFilter>('');
  const [rows, setRows] = useState<PaymentRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      client.call('listPayments', { month }).then((response) => {
        if (!response.ok) return setError(response.error.message);
        setError(null);
        setRows(response.value);
      }),
    [client, month],
  );

  useEffect(() => {
    void reload();
    return client.on('status', (status) => {
      if (!status.running) void reload();
    });
  }, [client, reload]);

  const shown = useMemo(() => (rows ?? []).filter((row) => !filter || row.state === filter), [rows, filter]);
  const totals = useMemo(() => paymentTotals(shown), [shown]);
  return { rows, shown, totals, error, month, filter, setMonth, setFilter };
}
