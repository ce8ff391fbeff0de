// Random command lines into the real CLI (in process, real store in a temp data dir):
// a mistake is exit code 2 with the usage, anything else a clear line; never a stack trace.
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { COMMANDS } from '../../src/main/cli/commands/index';
import { fuzzRuns } from '../helpers/fuzz';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;
const COMMON_FLAGS = ['data-dir', 'json', 'help'];

async function run(argv: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return { stream, text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, {
    env: { SM8SYNC_DATA_DIR: dataDir },
    stdout: stdout.stream,
    stderr: stderr.stream,
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const text = fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', '=', '.', ' ', '/', 'é', '\u0000', '"', '$'), maxLength: 12 });
const flagName = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);

/** Tokens built from a command's own flags, with random values, plus random words. */
function tokensFor(names: string[]): fc.Arbitrary<string[]> {
  const known = fc.constantFrom(...names);
  const token = fc.oneof(
    known.map((name) => `--${name}`),
    fc.tuple(known, text).map(([name, value]) => `--${name}=${value}`),
    text,
    fc.constantFrom('-1', '0', '65536', '1e3', 'NaN', '', '--', '-', 'resolve', '7', '--take=stripe', 'servicem8', '2026-13-45', '-j'),
  );
  return fc.array(token, { maxLength: 6 });
}

describe('fuzzing the command line', () => {
  it('an unknown flag, on any command (even the long-running ones), is exit 2 with the usage', async () => {
    const dataDir = tempDir();
    const cases = fc.constantFrom(...COMMANDS).chain((command) => {
      const names = [...COMMON_FLAGS.filter((n) => n !== 'help'), ...Object.keys(command.options)];
      const unknown = flagName.filter((name) => !names.includes(name) && name !== 'help').map((name) => `--${name}`);
      return fc.tuple(
        fc.constant(command),
        tokensFor(names).map((tokens) => tokens.filter((t) => t !== '--' && t !== '-j')),
        unknown,
        fc.nat(),
      );
    });
    await fc.assert(
      fc.asyncProperty(cases, async ([command, tokens, unknown, at]) => {
        const args = [...tokens];
        args.splice(at % (args.length + 1), 0, unknown);
        const result = await run([command.name, ...args], dataDir);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`sm8sync ${command.name}: `);
        expect(result.stderr).toContain(`Usage: ${command.usage}`);
        expect(result.stderr).not.toMatch(STACK_LINE);
      }),
      fuzzRuns(150),
    );
  });

  it('an unknown command is exit 2 with the list of commands', async () => {
    const dataDir = tempDir();
    const names = new Set([...COMMANDS.map((c) => c.name), 'help', '--help', '-h', '']);
    await fc.assert(
      fc.asyncProperty(
        text.filter((name) => !names.has(name)),
        tokensFor(COMMON_FLAGS),
        async (name, tokens) => {
          const result = await run([name, ...tokens], dataDir);
          expect(result.code).toBe(2);
          expect(result.stderr).toContain(`unknown command "${name}"`);
          expect(result.stderr).toContain('Usage: sm8sync <command>');
          expect(result.stderr).not.toMatch(STACK_LINE);
        },
      ),
      fuzzRuns(100),
    );
  });

  it('random flags and values on status, audit and conflicts: 0, 1 with one clear line, or 2 with the usage', async () => {
    const dataDir = tempDir();
    const safe = COMMANDS.filter((c) => ['status', 'audit', 'conflicts'].includes(c.name));
    const cases = fc
      .constantFrom(...safe)
      .chain((command) => fc.tuple(fc.constant(command), tokensFor([...COMMON_FLAGS, ...Object.keys(command.options)])));
    await fc.assert(
      fc.asyncProperty(cases, async ([command, tokens]) => {
        // The data dir comes last (the last value wins) and from the environment too, so no run writes elsewhere.
        const result = await run([command.name, ...tokens, `--data-dir=${dataDir}`], dataDir);
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK_LINE);
        if (result.code === 2) expect(result.stderr).toContain('Usage: ');
        if (result.code === 1) expect(result.stderr).toMatch(new RegExp(`^sm8sync ${command.name}: \\S.*\\n$`));
      }),
      fuzzRuns(120),
    );
  });
});
