// `npm run chaos [-- --trials N --seed S --size N --rounds N --workloads N --max-minutes M]`: the chaos
// harness (harness.ts) with its figures printed. Needs the built CLI (npm run build).
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChaos } from './harness';
import { WORKLOADS } from './workloads/index';

const { values } = parseArgs({
  options: {
    trials: { type: 'string' },
    seed: { type: 'string' },
    size: { type: 'string' },
    rounds: { type: 'string' },
    workloads: { type: 'string' },
    'max-minutes': { type: 'string' },
    quiet: { type: 'boolean' },
  },
});
const int = (raw: string | undefined, fallback: number) => {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got ${raw}`);
  return n;
};
if (!existsSync(path.resolve(import.meta.dirname, '../../dist/main/cli.cjs'))) {
  console.error('chaos: build first (npm run build)');
  process.exit(1);
}
const seed = int(values.seed, Date.now() % 1_000_000);
const options = {
  trials: int(values.trials, 100),
  seed,
  size: int(values.size, 8),
  rounds: int(values.rounds, 3),
  workloads: int(values.workloads, 10),
  ...(values['max-minutes'] !== undefined ? { maxMs: int(values['max-minutes'], 0) * 60_000 } : {}),
};
console.log(
  `chaos: seed ${seed} (re-run with --seed ${seed}); ${options.trials} trials, size ${options.size} (clients a side; jobs and payments scale with it), ${options.rounds} killed syncs a trial, ${options.workloads} workloads of pairs ${WORKLOADS.map((w) => w.name).join(', ')}`,
);
console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}`);
const figures = await runChaos({ ...options, log: values.quiet ? undefined : (line) => console.log(line) });
console.log('');
console.log(`trials:              ${figures.trials}`);
console.log(`syncs killed (-9):   ${figures.killed}`);
const k = figures.faultsByKind;
console.log(
  `faults injected:     ${figures.faultsInjected} (5xx ${k.serverErrors}, 429 lock timeouts ${k.rateLimited}, dropped after write ${k.droppedAfterWrite}, timeouts ${k.timeouts})`,
);
console.log(`duplicates:          ${figures.duplicates}`);
console.log(`lost changes:        ${figures.lost}`);
console.log(
  `differences:         ${figures.differences} (of which conflicts in one run only: ${figures.conflictsUnaccounted}; conflicts compared: ${figures.conflictsCompared})`,
);
console.log(
  `unexplained:         ${figures.diverged} linked fields that differ with no conflict about them (reference runs: ${figures.referenceDiverged})`,
);
console.log(
  `records compared:    ${Object.entries(figures.recordsCompared)
    .map(([pair, n]) => `${pair} ${n}`)
    .join(', ')} (both sides, field by field)`,
);
console.log(`time:                ${figures.seconds.toFixed(0)} s`);
process.exit(figures.duplicates + figures.lost + figures.differences === 0 ? 0 : 1);
