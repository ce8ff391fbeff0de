// Bounded fast-check runs. fast-check puts the seed and the shrunk path of a failure in the
// assertion message; FUZZ_SEED=<seed> and FUZZ_PATH=<path> replay exactly that case.
import type { Parameters } from 'fast-check';

export function fuzzRuns<T>(numRuns: number): Parameters<T> {
  return {
    numRuns,
    ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}
