// Process entry for the `sm8sync` bin: wires real stdio, env and signals to runCli.
import { limitHeapGrowth } from '../core/runtime/heap-growth';
import { runCli } from './run-cli';

limitHeapGrowth();

const controller = new AbortController();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
}

runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sm8sync: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
