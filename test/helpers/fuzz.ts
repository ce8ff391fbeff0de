// Bounded fast-check runs. fast-check puts the seed and the shrunk path of a failure in the
// assertion message; FUZZ_SEED=<seed> and FUZZ_PATH=<path> replay exactly that case. With a
// `seed`, a run is the same every time (and FUZZ_SEED still overrides it to explore).
import type { Parameters } from 'fast-check';

export function fuzzRuns<T>(numRuns: number, seed?: number): Parameters<T> {
  const chosen = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : seed;
  return {
    numRuns,
    ...(chosen !== undefined ? { seed: chosen } : {}),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}
