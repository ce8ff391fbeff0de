// GST report screen state: a month and a basis (the setting's until the person picks),
// the report for them (totals per side and the mismatches, from the server), and the
// CSV export saved as a download the way Activity saves its CSV; refreshed after a sync.
import { useCallback, useEffect, useState } from 'react';
import type { GstReportView } from '../../shared/report-schemas';
import { useApi } from './api-context';
import { downloadText } from './download';
import { failure, ok, type Notice } from './notice';

export type GstBasis = 'accrual' | 'cash';

export interface GstReportState {
  report: GstReportView | null;
  error: string | null;
  month: string;
  /** null: the gst.basis setting (the report says which it used). */
  basis: GstBasis | null;
  showMatched: boolean;
  notice: Notice | null;
  setMonth: (month: string) => void;
  setBasis: (basis: GstBasis) => void;
  setShowMatched: (all: boolean) => void;
  exportCsv: () => Promise<void>;
}

export function useGstReport(initialMonth: string): GstReportState {
  const client = useApi();
  const [month, setMonth] = useState(initialMonth);
  const [basis, setBasis] = useState<GstBasis | null>(null);
  const [showMatched, setShowMatched] = useState(false);
  const [report, setReport] = useState<GstReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const params = useCallback(() => ({ month, all: showMatched, ...(basis ? { basis } : {}) }), [month, basis, showMatched]);

  useEffect(() => {
    // Only the answer to the latest choice is shown (a slow earlier one must not overwrite it).
    let live = true;
    const load = () =>
      client.call('gstReport', params()).then((response) => {
        if (!live) return;
        if (!response.ok) return setError(response.error.message);
        setError(null);
        setReport(response.value);
      });
    void load();
    // After a sync the month's invoices may have changed.
    const off = client.on('status', (status) => {
      if (!status.running) void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [client, params]);

  const exportCsv = useCallback(async () => {
    // The CSV holds every row, matched ones too: the bookkeeper's file is the whole month.
    const response = await client.call('exportGstCsv', { ...params(), all: true });
    if (!response.ok) return setNotice(failure(response.error.message));
    downloadText(response.value.filename, response.value.csv, 'text/csv;charset=utf-8');
    setNotice(ok(`Saved ${response.value.filename} to your downloads.`));
  }, [client, params]);

  return { report, error, month, basis, showMatched, notice, setMonth, setBasis, setShowMatched, exportCsv };
}
