// `node scripts/bench-reconciliation.mjs` (or `node scripts/bench.mjs --only reconciliation`):
// reconciliation of 100,000 linked pairs (goal < 3 s, < 300 MB RSS) and the GST report
// over 10,000 invoices of a month (goal < 1 s), from the TypeScript sources through tsx,
// each printing its figures, the core count and one JSON line. RECON_BENCH_PAIRS and
// GST_BENCH_JOBS change the sizes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
let failed = false;
for (const script of [path.join(here, 'bench', 'reconciliation.ts'), path.join(here, 'bench', 'gst-report.ts')]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
