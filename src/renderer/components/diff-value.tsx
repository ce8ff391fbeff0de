import { diffParts } from '../state/diff';
import { formatValue } from '../state/format';

/** One side's value with the part that differs from the other side marked. */
export function DiffValue({ value, other }: { value: unknown; other: unknown }) {
  const text = formatValue(value);
  const { before, changed, after } = diffParts(text, formatValue(other));
  return (
    <span className="value">
      {before}
      {changed ? <mark>{changed}</mark> : null}
      {after}
    </span>
  );
}
