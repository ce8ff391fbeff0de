// limitHeapGrowth (called first by the CLI's and the Electron shell's entry points)
// keeps a worker thread's heap near its live data: the same churn (a fixed live set,
// ten times as much garbage) run in two child processes, one with the limit, one
// without. The children collect on one thread (--single-threaded-gc) so the heap's
// growth depends only on what is allocated, not on when a concurrent marker finishes
// on a busy machine (measured 0.63–0.66 of the default over ten runs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, '..', 'fixtures', 'heap-growth-churn.ts');

function peakHeap(mode: 'limited' | 'default'): number {
  const run = spawnSync(process.execPath, ['--single-threaded-gc', '--import', 'tsx', CHILD, mode], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`churn child exited ${run.status}: ${run.stderr}`);
  return Number(run.stdout.trim());
}

describe('heap growth', () => {
  it("keeps the sync worker's heap well under V8's default growth", () => {
    const unlimited = peakHeap('default');
    const limited = peakHeap('limited');
    expect(unlimited).toBeGreaterThan(50 * 2 ** 20); // the churn did grow a heap
    expect(limited / unlimited).toBeLessThan(0.8);
  }, 60_000);
});
