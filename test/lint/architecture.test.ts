// Proves the architecture rules in eslint.config.js bite: probe files that break a
// boundary are linted with the project's own config (type-aware, as `npm run lint` does)
// at the paths the rules name. They are written to a temporary copy of the project's
// shape, never into src/: the config, tsconfig and package.json copied byte for byte,
// node_modules linked, each probe at its src/… path. The rules' globs match there as in
// the real tree, and each violator must fail with its rule.
import { ESLint } from 'eslint';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tag = 'lintprobe';
const PROJECT_FILES = ['eslint.config.js', 'tsconfig.json', 'package.json'];

interface Probe {
  file: string;
  code: string;
  /** Rule ids that must fire; an empty list means the file must be clean of boundary rules. */
  expect: string[];
}

const probes: Record<string, Probe> = {
  electronInCore: {
    file: `src/main/core/${tag}/uses-electron.ts`,
    code: `import { app } from 'electron';\nexport const name = app.getName();\n`,
    expect: ['no-restricted-imports'],
  },
  electronInShared: { file: `src/shared/${tag}.ts`, code: `import 'electron';\nexport const x = 1;\n`, expect: ['no-restricted-imports'] },
  sqlInSync: {
    file: `src/main/core/sync/${tag}.ts`,
    code: `import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n`,
    expect: ['no-restricted-imports'],
  },
  sqlInStore: {
    file: `src/main/core/store/${tag}.ts`,
    code: `import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n`,
    expect: [],
  },
  httpInSync: {
    file: `src/main/core/sync/${tag}-http.ts`,
    code: `import http from 'node:http';\nexport const get = () => http.get('http://127.0.0.1');\n`,
    expect: ['no-restricted-imports'],
  },
  fetchInReports: {
    file: `src/main/core/reports/${tag}.ts`,
    code: `export const load = () => fetch('http://127.0.0.1/');\n`,
    expect: ['no-restricted-globals'],
  },
  stripeInSync: {
    file: `src/main/core/sync/${tag}-stripe.ts`,
    code: `import Stripe from 'stripe';\nexport const make = (k: string) => new Stripe(k);\n`,
    expect: ['no-restricted-imports'],
  },
  fetchInConnector: {
    file: `src/main/core/connectors/${tag}.ts`,
    code: `export const load = () => fetch('http://127.0.0.1/');\n`,
    expect: [],
  },
  rawIpcInShell: {
    file: `src/main/electron/${tag}.ts`,
    code: `import { ipcMain } from 'electron';\nexport const on = () => ipcMain.removeAllListeners();\n`,
    expect: ['no-restricted-imports'],
  },
  rawIpcInWrapper: {
    file: `src/main/electron/ipc/${tag}.ts`,
    code: `import { ipcMain } from 'electron';\nexport const on = () => ipcMain.removeAllListeners();\n`,
    expect: [],
  },
  nodeInRenderer: {
    file: `src/renderer/${tag}.ts`,
    code: `import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('/etc/hostname', 'utf8');\n`,
    expect: ['no-restricted-imports'],
  },
  floatDollarsInSync: {
    file: `src/main/core/sync/${tag}-dollars.ts`,
    code: `export const words = (cents: number) => \`$\${(cents / 100).toFixed(2)}\`;\n`,
    expect: ['no-restricted-syntax'],
  },
  centsFormattedInSync: {
    file: `src/main/core/sync/${tag}-cents.ts`,
    code: `import { formatDollars } from '../money';\nexport const words = (cents: number) => formatDollars(cents);\n`,
    expect: [],
  },
  mainInRenderer: {
    file: `src/renderer/${tag}-main.ts`,
    code: `import { Store } from '../main/core/store/store';\nexport const s = Store;\n`,
    expect: ['no-restricted-imports'],
  },
};

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);
let results: Map<string, ESLint.LintResult>;
let mirror = '';
let srcBefore: string[] = [];

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${path.relative(dir, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

beforeAll(async () => {
  srcBefore = listTree(path.join(root, 'src'));
  mirror = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-lint-'));
  for (const name of PROJECT_FILES) copyFileSync(path.join(root, name), path.join(mirror, name));
  symlinkSync(path.join(root, 'node_modules'), path.join(mirror, 'node_modules'), 'dir');
  for (const probe of Object.values(probes)) {
    mkdirSync(path.dirname(path.join(mirror, probe.file)), { recursive: true });
    writeFileSync(path.join(mirror, probe.file), probe.code);
  }
  const eslint = new ESLint({ cwd: mirror });
  const linted = await eslint.lintFiles(Object.values(probes).map((p) => p.file));
  results = new Map(linted.map((r) => [path.relative(mirror, r.filePath), r]));
}, 120_000);

afterAll(() => {
  if (mirror) rmSync(mirror, { recursive: true, force: true });
});

describe('architecture lint', () => {
  it('lints the probes where they were written, with the copied config, and leaves src/ as it was', () => {
    expect(results.size).toBe(Object.keys(probes).length);
    for (const file of results.keys()) expect(file.startsWith('src/'), file).toBe(true);
    expect(listTree(path.join(root, 'src'))).toEqual(srcBefore);
  });

  for (const [name, probe] of Object.entries(probes)) {
    it(`${name}: ${probe.expect.length ? `fails with ${probe.expect.join(', ')}` : 'passes the boundary rules'}`, () => {
      const result = results.get(probe.file);
      expect(result, `no lint result for ${probe.file}`).toBeDefined();
      const fatal = result!.messages.filter((m) => m.fatal);
      expect(fatal, JSON.stringify(fatal)).toEqual([]);
      const fired = [...new Set(result!.messages.map((m) => m.ruleId).filter((id): id is string => id !== null && BOUNDARY_RULES.has(id)))];
      expect(fired.sort()).toEqual([...probe.expect].sort());
    });
  }
});
