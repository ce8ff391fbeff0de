// Thirty days of sync activity as bars (writes, failures, findings), with the totals in
// words beside it so the chart is never the only way to read them.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { totalsOf, useChart } from '../state/use-chart';

const SERIES = [
  { key: 'writes', name: 'Writes', color: 'var(--chart-writes)' },
  { key: 'failures', name: 'Failures', color: 'var(--chart-failures)' },
  { key: 'findings', name: 'Findings', color: 'var(--chart-findings)' },
] as const;

export function ActivityChart() {
  const { data, error } = useChart(30);
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!data) return null;
  const totals = totalsOf(data);
  // jsdom (component tests) has no layout to measure: the words below still say it all.
  const canDraw = typeof ResizeObserver !== 'undefined';
  return (
    <section aria-labelledby="chart-heading" className="chart" data-testid="activity-chart">
      <h3 id="chart-heading">Last 30 days</h3>
      <p className="muted small" data-testid="chart-totals">
        {totals.writes} write{totals.writes === 1 ? '' : 's'} · {totals.failures} failure{totals.failures === 1 ? '' : 's'} ·{' '}
        {totals.findings} finding{totals.findings === 1 ? '' : 's'} (conflicts raised, records set aside)
      </p>
      {canDraw ? (
        <div
          className="chart-box"
          role="img"
          aria-label={`Bar chart of the last 30 days: ${totals.writes} writes, ${totals.failures} failures, ${totals.findings} findings`}
        >
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid vertical={false} stroke="var(--border)" />
              <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
              <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 12 }} />
              <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SERIES.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId="day" isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </section>
  );
}
