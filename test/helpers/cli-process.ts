// Runs the built `sm8sync` CLI as a real subprocess, and the simulators as another.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { keepTestData, testTempRoot } from './test-data-root';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/sm8sync.cjs');
const BUILT = path.join(ROOT, 'dist/main/cli.cjs');

export function assertBuilt(): void {
  if (!existsSync(BUILT)) throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
}

/** Under npm test, what each CLI process printed is kept for the secret scan after the suite. */
function keepOutput(args: string[], child: ChildProcess, stdout: string, stderr: string): void {
  if (!keepTestData()) return;
  const dir = path.join(testTempRoot(), 'cli-output');
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    path.join(dir, `${process.pid}-${child.pid ?? 'x'}.log`),
    // Only the command's name: its arguments may carry a key on purpose (simulate --servicem8-key).
    `$ sm8sync ${args[0] ?? ''} …\n${stdout}\n--- stderr\n${stderr}\n`,
  );
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      keepOutput(args, child, stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

export interface Simulators {
  servicem8: string;
  stripe: string;
  stop(): Promise<void>;
}

/** `sm8sync simulate` in its own process; resolves with the URLs from its JSON line. */
export async function startSimulators(args: string[] = ['--seed', 'none', '--rate-limits', 'off']): Promise<Simulators> {
  const child = spawn(process.execPath, [BIN, 'simulate', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('close', () => keepOutput(['simulate', ...args], child, '(the URL line, read below)', stderr));
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulate printed nothing in 20 s: ${stderr}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`simulate exited with ${code}: ${stderr}`)));
  });
  const urls = JSON.parse(first) as { servicem8: string; stripe: string };
  return {
    ...urls,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
