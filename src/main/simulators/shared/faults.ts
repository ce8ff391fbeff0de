// Fault injection shared by both simulators: a fraction of requests fail with a
// server error, every request can be delayed, a write can be committed and then
// have its connection dropped (the client sees a network error after the effect), and
// a request can hang: its work is done (a write committed) and no answer ever comes,
// so the client's own timeout is what ends it.
import type http from 'node:http';
import { seededRandom } from './random';

export interface FaultOptions {
  /** Fraction of requests (0..1) answered with a 5xx before any work is done. */
  errorRate?: number;
  /** Fixed latency added to every request, in milliseconds. */
  latencyMs?: number;
  /** Fraction of successful writes whose response is dropped after the write is applied. */
  dropAfterWriteRate?: number;
  /**
   * Fraction of requests (reads and writes) that hang after their work is done: the
   * connection is held open, unanswered, until the client closes it (its timeout).
   */
  hangRate?: number;
  seed?: number;
}

export class FaultInjector {
  errorRate: number;
  latencyMs: number;
  dropAfterWriteRate: number;
  hangRate: number;
  private readonly random: () => number;

  constructor(options: FaultOptions = {}) {
    this.errorRate = validateRate('errorRate', options.errorRate ?? 0);
    this.dropAfterWriteRate = validateRate('dropAfterWriteRate', options.dropAfterWriteRate ?? 0);
    this.hangRate = validateRate('hangRate', options.hangRate ?? 0);
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.random = seededRandom(options.seed ?? 42);
  }

  configure(options: FaultOptions): void {
    if (options.errorRate !== undefined) this.errorRate = validateRate('errorRate', options.errorRate);
    if (options.dropAfterWriteRate !== undefined) this.dropAfterWriteRate = validateRate('dropAfterWriteRate', options.dropAfterWriteRate);
    if (options.hangRate !== undefined) this.hangRate = validateRate('hangRate', options.hangRate);
    if (options.latencyMs !== undefined) this.latencyMs = Math.max(0, options.latencyMs);
  }

  shouldFail(): boolean {
    return this.errorRate > 0 && this.random() < this.errorRate;
  }

  shouldDropAfterWrite(): boolean {
    return this.dropAfterWriteRate > 0 && this.random() < this.dropAfterWriteRate;
  }

  shouldHang(): boolean {
    return this.hangRate > 0 && this.random() < this.hangRate;
  }

  async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

function validateRate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1 (got ${value})`);
  return value;
}

/**
 * A hung request: never answered, held until the client gives up and closes the
 * connection (or the server closes). No timer here: the hang ends on the client's
 * own timeout, whatever it is, so a test decides its length by the client's setting.
 */
export function holdUntilClientCloses(response: http.ServerResponse): Promise<void> {
  if (response.socket === null || response.socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => response.once('close', () => resolve()));
}
