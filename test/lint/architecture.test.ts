// Proves the architecture rules in eslint.config.js bite: probe files that break a
// boundary are written into the real source tree, linted with the project's own
// config (type-aware, as `npm run lint` does), and removed again.
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tag = `lintprobe${process.pid}`;

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
  mainInRenderer: {
    file: `src/renderer/${tag}-main.ts`,
    code: `import { Store } from '../main/core/store/store';\nexport const s = Store;\n`,
    expect: ['no-restricted-imports'],
  },
};

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);
let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  for (const probe of Object.values(probes)) {
    mkdirSync(path.dirname(path.join(root, probe.file)), { recursive: true });
    writeFileSync(path.join(root, probe.file), probe.code);
  }
  try {
    const eslint = new ESLint({ cwd: root });
    const linted = await eslint.lintFiles(Object.values(probes).map((p) => p.file));
    results = new Map(linted.map((r) => [path.relative(root, r.filePath), r]));
  } finally {
    removeProbes();
  }
}, 120_000);

afterAll(removeProbes);

function removeProbes(): void {
  for (const probe of Object.values(probes)) rmSync(path.join(root, probe.file), { force: true });
  rmSync(path.join(root, `src/main/core/${tag}`), { recursive: true, force: true });
}

describe('architecture lint', () => {
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
