// Where the sync worker's code is. Built, it is dist/main/worker.cjs next to the
// bundle that starts it (cli.cjs, electron.cjs). From source (Vitest, tsx) it is
// engine-worker.ts, loaded through tsx's require hook, since a worker thread does not
// inherit the parent's TypeScript loader.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const WORKER_BUNDLE = 'worker.cjs';

export interface WorkerEntry {
  /** A file to run, or (from source) code to eval. */
  script: string;
  eval: boolean;
}

export function workerEntry(dir: string = __dirname): WorkerEntry {
  const bundled = path.join(dir, WORKER_BUNDLE);
  if (existsSync(bundled)) return { script: bundled, eval: false };
  const source = path.join(dir, 'engine-worker.ts');
  if (!existsSync(source)) throw new Error(`The sync worker is missing: neither ${bundled} nor ${source} exists (run npm run build).`);
  const tsx = createRequire(source).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(source)});\n`;
  return { script: code, eval: true };
}
