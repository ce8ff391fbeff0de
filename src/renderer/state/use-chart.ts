// The Status chart's data: the last 30 days of sync activity, reloaded after each sync.
import { useEffect, useState } from 'react';
import type { ActivityDay } from '../../shared/api';
import { useApi } from './api-context';

export interface ChartTotals {
  writes: number;
  failures: number;
  findings: number;
}

export function totalsOf(days: ActivityDay[]): ChartTotals {
  return days.reduce((t, d) => ({ writes: t.writes + d.writes, failures: t.failures + d.failures, findings: t.findings + d.findings }), {
    writes: 0,
    failures: 0,
    findings: 0,
  });
}

export function useChart(days = 30): { data: ActivityDay[] | null; error: string | null } {
  const client = useApi();
  const [data, setData] = useState<ActivityDay[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void client.call('getActivityChart', { days }).then((response) => {
        if (response.ok) setData(response.value);
        else setError(response.error.message);
      });
    const off = client.on('activity', load);
    load();
    return off;
  }, [client, days]);
  return { data, error };
}
