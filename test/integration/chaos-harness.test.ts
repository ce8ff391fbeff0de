// The chaos harness in small (`npm run chaos` runs 100 trials of 3 rounds): 2 trials of
// the mixed workload (clients, invoiced jobs, card and cash payments, refunds). In each,
// a sync is killed by SIGKILL at a seeded random moment while both simulators inject
// 5xx, 429 lock timeouts, dropped-after-write answers and hung requests (timeouts) and
// people edit both sides, then a sync runs to completion under the same faults, then
// fault-free syncs settle; the final state of every pair must match the fault-free run of
// the same workload field by field. Seeded (workload, kill moments, faults per trial).
// About 50 s at a load average of 15 on 2 cores, where each CLI sync takes 2-3 s.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/harness';
import { assertBuilt } from '../helpers/cli-process';

describe('chaos: kill -9 and injected faults never lose or double a write', () => {
  it('2 trials of every pair: 0 duplicates, 0 lost changes, 0 differences from the fault-free run, every conflict accounted for', async () => {
    assertBuilt();
    const lines: string[] = [];
    const figures = await runChaos({ trials: 2, seed: 20_261_124, size: 2, rounds: 1, workloads: 1, log: (line) => lines.push(line) });
    expect(figures.trials).toBe(2);
    // The harness really did harm: faults were injected and syncs were killed.
    expect(figures.faultsInjected).toBeGreaterThan(0);
    // Every trial's first sync is killed mid-flight (harness.ts kills it after a drawn number of its ServiceM8 requests).
    expect(figures.killed).toBeGreaterThanOrEqual(2);
    expect(figures.conflictsCompared).toBeGreaterThan(0);
    // Every pair's records were compared.
    for (const pair of ['clients', 'invoices', 'payments']) expect(figures.recordsCompared[pair] ?? 0, pair).toBeGreaterThan(0);
    expect({ duplicates: figures.duplicates, lost: figures.lost, differences: figures.differences }, lines.join('\n')).toEqual({
      duplicates: 0,
      lost: 0,
      differences: 0,
    });
  }, 300_000);
});
