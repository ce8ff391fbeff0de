// How times and values read on screen: en-AU, in the business time zone (not the
// computer's), and conflict values as people see them in ServiceM8 and Stripe.
export function formatTime(iso: string | null, zone: string, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat('en-AU', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== undefined && inner !== '')
      .map(([key, inner]) => `${key}: ${formatValue(inner)}`)
      .join('; ');
  }
  return JSON.stringify(value);
}

export { DIRECTION_LABEL, OUTCOME_LABEL, SIDE_LABEL, STATE_LABEL } from '../../shared/labels';

/** `resolve_conflict` → `resolve conflict`: engine operation names, readable. */
export function formatOperation(operation: string): string {
  return operation.replaceAll('_', ' ');
}
