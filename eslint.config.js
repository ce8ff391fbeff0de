// Lint is where the architecture is enforced, not memory. Each rule below names
// the boundary it keeps; test/lint/architecture.test.ts proves they bite.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NETWORK_MODULES = [
  'http',
  'https',
  'net',
  'tls',
  'dgram',
  'http2',
  'undici',
  'stripe',
  'node:http',
  'node:https',
  'node:net',
  'node:tls',
  'node:dgram',
  'node:http2',
];
const NODE_BUILTINS_IN_RENDERER = ['fs', 'path', 'os', 'child_process', 'crypto', 'node:*'];

const electronBan = {
  name: 'electron',
  message: 'src/main/core and src/shared are runtime-agnostic: no electron import. Put Electron code in src/main/electron.',
};
const sqliteBan = { name: 'better-sqlite3', message: 'SQL lives in src/main/core/store only: use a repository.' };
const networkBans = NETWORK_MODULES.map((name) => ({
  name,
  message: 'Network calls live in src/main/core/connectors (or simulators/server): use a connector.',
}));
const rawIpcBan = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers in src/main/electron/ipc, not raw ipcMain/ipcRenderer.',
};
const fetchBan = { name: 'fetch', message: 'Network calls live in src/main/core/connectors: use a connector.' };

/** Builds one no-restricted-imports rule from the bans that apply to a glob. */
function restrict(...paths) {
  return { 'no-restricted-imports': ['error', { paths: paths.flat() }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/lint/fixtures/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**', 'eslint.config.js', '*.config.*'], languageOptions: { globals: globals.node }, rules: { 'no-console': 'off' } },

  // Default for all product code: no SQL driver, no network, no raw IPC.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { ...restrict(sqliteBan, networkBans, rawIpcBan), 'no-restricted-globals': ['error', fetchBan] },
  },
  // Core and shared: additionally no Electron at all, and money shown from integer cents.
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      ...restrict(electronBan, sqliteBan, networkBans),
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name="toFixed"][callee.object.type="BinaryExpression"][callee.object.operator="/"]',
          message:
            'Money is integer cents: show it with formatCents or formatDollars (core/util/money), not by dividing and rounding a float.',
        },
      ],
    },
  },
  // The store may use the SQL driver.
  { files: ['src/main/core/store/**/*.ts'], rules: restrict(electronBan, networkBans) },
  // Connectors may use the network (and the Stripe SDK).
  {
    files: ['src/main/core/connectors/**/*.ts'],
    rules: { ...restrict(electronBan, sqliteBan), 'no-restricted-globals': 'off' },
  },
  // Simulators and the loopback server are HTTP servers by nature.
  {
    files: ['src/main/simulators/**/*.ts', 'src/main/server/**/*.ts'],
    rules: { ...restrict(electronBan, sqliteBan), 'no-restricted-globals': 'off' },
  },
  // The typed IPC wrappers and the preload are the only places raw IPC is allowed.
  {
    files: ['src/main/electron/ipc/**/*.ts', 'src/main/electron/preload.ts'],
    rules: restrict(sqliteBan, networkBans),
  },
  // The renderer: browser code only. It reaches the app through src/renderer/api.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is sandboxed: use the api client.' }, sqliteBan, ...networkBans],
          patterns: [
            { group: NODE_BUILTINS_IN_RENDERER, message: 'No Node built-ins in the renderer.' },
            { group: ['**/main/**'], message: 'The renderer talks to main only through src/shared contracts and the api client.' },
          ],
        },
      ],
    },
  },
  // The api client's HTTP transport (serve mode) is the renderer's one network door.
  { files: ['src/renderer/api/**/*.ts'], rules: { 'no-restricted-globals': 'off' } },
  // Tests may do what they need to set up the world, over loopback.
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
