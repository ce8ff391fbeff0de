// Idempotency layer (reference §5, §12.7): keys are scoped per API key; the first
// request that starts executing stores its status and body; the same key with the
// same method, path and params replays them; anything else is a 400
// `idempotency_error`; a key still in flight answers 409 `idempotency_key_in_use`.
import { SimError } from './errors';

interface StoredResult {
  fingerprint: string;
  state: 'running' | 'done';
  status: number;
  body: string;
  storedAt: number;
}

const RETENTION_MS = 24 * 60 * 60 * 1000;

export type IdempotencyOutcome = { kind: 'new' } | { kind: 'replay'; status: number; body: string };

export class IdempotencyStore {
  private readonly entries = new Map<string, StoredResult>();

  constructor(private readonly clock: () => number) {}

  /** Claims the key for this request, or says to replay / reject. */
  begin(apiKey: string, key: string, fingerprint: string): IdempotencyOutcome {
    const scoped = `${apiKey}\u0000${key}`;
    const existing = this.entries.get(scoped);
    if (existing && this.clock() - existing.storedAt > RETENTION_MS) this.entries.delete(scoped);
    const current = this.entries.get(scoped);
    if (!current) {
      this.entries.set(scoped, { fingerprint, state: 'running', status: 0, body: '', storedAt: this.clock() });
      return { kind: 'new' };
    }
    if (current.state === 'running') {
      throw new SimError(409, {
        type: 'invalid_request_error',
        code: 'idempotency_key_in_use',
        message:
          'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' +
          key +
          '. Please try again later.',
        doc_url: 'https://stripe.com/docs/error-codes/idempotency-key-in-use',
      });
    }
    if (current.fingerprint !== fingerprint) {
      throw new SimError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    return { kind: 'replay', status: current.status, body: current.body };
  }

  complete(apiKey: string, key: string, status: number, body: string): void {
    const entry = this.entries.get(`${apiKey}\u0000${key}`);
    if (entry) Object.assign(entry, { state: 'done', status, body });
  }

  /** Forgets a claim whose request failed validation (nothing was executed). */
  release(apiKey: string, key: string): void {
    this.entries.delete(`${apiKey}\u0000${key}`);
  }
}

/** What makes two requests "the same": method, path and the parsed params. */
export function fingerprintOf(method: string, path: string, params: unknown): string {
  return JSON.stringify([method, path, canonical(params)]);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
