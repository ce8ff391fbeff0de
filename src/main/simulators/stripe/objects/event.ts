// Event object (fixture keys) with `previous_attributes` only on *.updated events.
import type { Json } from '../context';
import type { WireObject } from '../store';

export const API_VERSION = '2026-10-28.endive';

export interface EventObject extends WireObject {
  object: 'event';
  type: string;
  created: number;
}

export function newEvent(
  id: string,
  created: number,
  type: string,
  snapshot: Json,
  request: { id: string | null; idempotency_key: string | null },
  previous?: Json,
): EventObject {
  const data: Json = { object: snapshot };
  if (previous) data.previous_attributes = previous;
  return {
    id,
    object: 'event',
    api_version: API_VERSION,
    created,
    data,
    livemode: false,
    pending_webhooks: 0,
    request,
    type,
  };
}
