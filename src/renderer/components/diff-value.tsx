import { valueDiff } from '../state/diff';

/** One side's value with the part that differs from the other side marked. */
export function DiffValue({ value, other }: { value: unknown; other: unknown }) {
  const { before, changed, after } = valueDiff(value, other);
  return (
    <span className="value">
      {before}
      {changed ? <mark>{changed}</mark> : null}
      {after}
    </span>
  );
}
