import { tone } from '../state/money';

/** A state in words with its colour; the words carry the meaning, the colour only repeats it. */
export function StatePill({ state, label, testId }: { state: string; label: string; testId?: string }) {
  return (
    <span className={`pill pill-${tone(state)}`} data-testid={testId}>
      {label}
    </span>
  );
}
