// A seam on the store's mirror repository: counts the rows each read returns, per
// `side.object`, so a test can hold a cycle to the rows its changes touch.
import type { MirrorRepository } from '../../src/main/core/store/repositories/mirror-repository';

/** Every method of the mirror repository that reads rows; each takes side and object first. */
export const MIRROR_READS = ['get', 'list', 'listByIds', 'listByKey'] as const;

export interface MirrorReads {
  /** Rows returned per `side.object` since the last reset. */
  rows(): Record<string, number>;
  /** Calls per method since the last reset. */
  calls(): Record<string, number>;
  /** The `side.object`s read whole (`list`) since the last reset. */
  listed(): string[];
  reset(): void;
}

export function countMirrorReads(mirror: MirrorRepository): MirrorReads {
  let rows: Record<string, number> = {};
  let calls: Record<string, number> = {};
  let listed = new Set<string>();
  const target = mirror as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of MIRROR_READS) {
    const read = target[name]!.bind(mirror);
    target[name] = (...args: unknown[]) => {
      const result = read(...args);
      const key = `${String(args[0])}.${String(args[1])}`;
      rows[key] = (rows[key] ?? 0) + (Array.isArray(result) ? result.length : result ? 1 : 0);
      calls[name] = (calls[name] ?? 0) + 1;
      if (name === 'list') listed.add(key);
      return result;
    };
  }
  return {
    rows: () => ({ ...rows }),
    calls: () => ({ ...calls }),
    listed: () => [...listed].sort(),
    reset: () => {
      rows = {};
      calls = {};
      listed = new Set();
    },
  };
}
