#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run by `npm ci` via `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('sm8sync: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
require(entry);
