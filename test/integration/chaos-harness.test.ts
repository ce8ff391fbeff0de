// The chaos harness in small (`npm run chaos` runs 100 trials): 3 trials of the mixed
// workload (clients, invoiced jobs, card and cash payments, refunds), each with its
// syncs killed by SIGKILL at seeded random moments while both simulators inject 5xx,
// 429 lock timeouts, dropped-after-write answers and hung requests (timeouts), and
// people edit both sides; the final state of every pair must match the fault-free run
// of the same workload field by field. Seeded (workload, kills, faults); about 45 s at a
// load average of 11 on 2 cores (each CLI sync takes 1.5-2.5 s there).
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/harness';
import { assertBuilt } from '../helpers/cli-process';

describe('chaos: kill -9 and injected faults never lose or double a write', () => {
  it('3 trials of every pair: 0 duplicates, 0 lost changes, 0 differences from the fault-free run, every conflict accounted for', async () => {
    assertBuilt();
    const lines: string[] = [];
    const figures = await runChaos({ trials: 3, seed: 20_261_124, size: 4, rounds: 2, workloads: 1, log: (line) => lines.push(line) });
    expect(figures.trials).toBe(3);
    // The harness really did harm: faults were injected and syncs were killed.
    expect(figures.faultsInjected).toBeGreaterThan(0);
    expect(figures.killed).toBeGreaterThan(0);
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
