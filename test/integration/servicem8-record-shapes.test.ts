// Records read from one ServiceM8 page share one hidden class in V8. The object zod's
// intersection merges got a class of its own per record (about 600 bytes each: shape,
// descriptors, property array), which over a first sync of 10,000 clients and 20,000
// jobs was some 50 MB of the sync's memory; records-common.ts rebuilds it key by key.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, '..', 'fixtures', 'record-shapes.mts');

describe('ServiceM8 record shapes', () => {
  it('parsed jobs, job lines and companies share one hidden class per object', () => {
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', CHILD], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const counts = JSON.parse(run.stdout) as Record<string, { records: number; sharing: number }>;
    for (const [object, { records, sharing }] of Object.entries(counts)) {
      expect(records, object).toBeGreaterThan(20);
      expect(sharing, object).toBe(records);
    }
  }, 60_000);
});
