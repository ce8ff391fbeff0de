// The usual end-to-end world: the simulators in their own process (`sm8sync simulate`),
// a fresh data folder, and the built CLI run as a subprocess against both. Stopped after
// each test.
import { afterEach, beforeAll } from 'vitest';
import { assertBuilt, runCli, startSimulators, type CliResult, type Simulators } from './cli-process';
import { ServiceM8Http, sideEnv, stripeClient } from './sides-over-http';
import { useTempDirs } from './temp-dir';

export type Cli = (...args: string[]) => Promise<CliResult & { json: () => unknown }>;

export function useCliWorld() {
  const tempDir = useTempDirs();
  const running: Simulators[] = [];
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });
  return async () => {
    const sims = await startSimulators();
    running.push(sims);
    const dataDir = tempDir();
    const env = sideEnv(sims, dataDir);
    const cli: Cli = async (...args) => {
      const result = await runCli(args, env);
      return { ...result, json: () => JSON.parse(result.stdout) as unknown };
    };
    return { sims, env, dataDir, cli, sm8: new ServiceM8Http(sims.servicem8), stripe: stripeClient(sims.stripe) };
  };
}
