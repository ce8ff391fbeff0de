// Fault injection shared by both simulators: a fraction of requests fail with a
// server error, every request can be delayed, and a write can be committed and then
// have its connection dropped (the client sees a network error after the effect).
import { seededRandom } from './random';

export interface FaultOptions {
  /** Fraction of requests (0..1) answered with a 5xx before any work is done. */
  errorRate?: number;
  /** Fixed latency added to every request, in milliseconds. */
  latencyMs?: number;
  /** Fraction of successful writes whose response is dropped after the write is applied. */
  dropAfterWriteRate?: number;
  seed?: number;
}

export class FaultInjector {
  errorRate: number;
  latencyMs: number;
  dropAfterWriteRate: number;
  private readonly random: () => number;

  constructor(options: FaultOptions = {}) {
    this.errorRate = validateRate('errorRate', options.errorRate ?? 0);
    this.dropAfterWriteRate = validateRate('dropAfterWriteRate', options.dropAfterWriteRate ?? 0);
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.random = seededRandom(options.seed ?? 42);
  }

  configure(options: FaultOptions): void {
    if (options.errorRate !== undefined) this.errorRate = validateRate('errorRate', options.errorRate);
    if (options.dropAfterWriteRate !== undefined) this.dropAfterWriteRate = validateRate('dropAfterWriteRate', options.dropAfterWriteRate);
    if (options.latencyMs !== undefined) this.latencyMs = Math.max(0, options.latencyMs);
  }

  shouldFail(): boolean {
    return this.errorRate > 0 && this.random() < this.errorRate;
  }

  shouldDropAfterWrite(): boolean {
    return this.dropAfterWriteRate > 0 && this.random() < this.dropAfterWriteRate;
  }

  async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

function validateRate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1 (got ${value})`);
  return value;
}
