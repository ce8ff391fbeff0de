// `sm8sync --version`: the version in the package's own package.json, found by walking up
// from this file (dist/main/cli.cjs in the package, src/main/cli in a checkout).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function packageVersion(from: string = __dirname): string {
  let dir = from;
  for (let level = 0; level < 6; level += 1) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sm8sync' && typeof pkg.version === 'string') return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return 'unknown';
}
