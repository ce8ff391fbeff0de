import { monthLabel, recentMonths } from '../state/money';

/** A month from the last year, by name ("November 2026"); the value is YYYY-MM. */
export function MonthPicker({
  value,
  current,
  onChange,
  testId,
}: {
  value: string;
  current: string;
  onChange: (month: string) => void;
  testId: string;
}) {
  const months = recentMonths(current);
  if (!months.includes(value)) months.push(value);
  return (
    <label>
      Month
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {months.map((month) => (
          <option key={month} value={month}>
            {monthLabel(month)}
          </option>
        ))}
      </select>
    </label>
  );
}
