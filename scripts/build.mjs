// Builds everything the app runs: the CLI and the Electron main/preload with esbuild,
// the React renderer with Vite. Dependencies stay external (node_modules ships with the
// app) except the ESM-only electron-store, which is bundled into the Electron main.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const bundledInMain = new Set(['electron-store']);
const external = [
  'electron',
  ...Object.keys(pkg.dependencies ?? {}).filter((name) => !bundledInMain.has(name)),
  // keytar is optional (native, may be absent): loaded lazily at runtime, never bundled.
  ...Object.keys(pkg.optionalDependencies ?? {}),
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  legalComments: 'none',
  outExtension: { '.js': '.cjs' },
};

const onlyCli = process.argv.includes('--cli-only');

// The sync worker (engine, SQLite, keychain) is its own entry: serve, demo and the tray
// app start it as a worker thread from dist/main/worker.cjs.
await esbuild({
  ...common,
  entryPoints: { cli: 'src/main/cli/main.ts', worker: 'src/main/core/worker/engine-worker.ts' },
  outdir: 'dist/main',
});
if (!onlyCli) {
  await esbuild({ ...common, entryPoints: { electron: 'src/main/electron/main.ts' }, outdir: 'dist/main' });
  // The preload runs sandboxed: it may only require 'electron', so it is bundled whole.
  await esbuild({ ...common, entryPoints: { preload: 'src/main/electron/preload.ts' }, outdir: 'dist/main', external: ['electron'] });
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
