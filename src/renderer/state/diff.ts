import { formatValue } from './format';

// Highlights where two values differ: the common start and end stay plain, the middle
// is marked. Enough for the usual conflict (a changed digit, a new suffix, a typo).
export interface DiffParts {
  before: string;
  changed: string;
  after: string;
}

export function diffParts(text: string, other: string): DiffParts {
  if (text === other) return { before: text, changed: '', after: '' };
  let start = 0;
  while (start < text.length && start < other.length && text[start] === other[start]) start += 1;
  let end = 0;
  while (end < text.length - start && end < other.length - start && text[text.length - 1 - end] === other[other.length - 1 - end]) end += 1;
  return { before: text.slice(0, start), changed: text.slice(start, text.length - end), after: text.slice(text.length - end) };
}

/**
 * One side's value as shown, against the other's. An empty other side has nothing in
 * common with it: the whole value is marked (its "(empty)" placeholder is not text to
 * share a start or end with, as a closing bracket would).
 */
export function valueDiff(value: unknown, other: unknown): DiffParts {
  const text = formatValue(value);
  const empty = other === null || other === undefined || other === '';
  return diffParts(text, empty ? '' : formatValue(other));
}
