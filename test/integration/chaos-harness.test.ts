// The chaos harness in small (`npm run chaos` runs 100 trials): 5 trials, each with its
// syncs killed by SIGKILL at seeded random moments while both simulators inject 5xx,
// 429 lock timeouts and dropped-after-write answers, and people edit both sides; the
// final state must match the fault-free run of the same workload field by field.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/harness';
import { assertBuilt } from '../helpers/cli-process';

describe('chaos: kill -9 and injected faults never lose or double a write', () => {
  it('5 trials: 0 duplicates, 0 lost changes, 0 differences from the fault-free run, every conflict accounted for', async () => {
    assertBuilt();
    const lines: string[] = [];
    const figures = await runChaos({ trials: 5, seed: 20_261_124, size: 4, rounds: 2, workloads: 2, log: (line) => lines.push(line) });
    expect(figures.trials).toBe(5);
    // The harness really did harm: faults were injected and syncs were killed.
    expect(figures.faultsInjected).toBeGreaterThan(0);
    expect(figures.killed).toBeGreaterThan(0);
    expect(figures.conflictsCompared).toBeGreaterThan(0);
    expect({ duplicates: figures.duplicates, lost: figures.lost, differences: figures.differences }, lines.join('\n')).toEqual({
      duplicates: 0,
      lost: 0,
      differences: 0,
    });
  }, 300_000);
});
