// The scanner scripts/test.sh runs over everything the suite left behind: it must read
// what it is pointed at and fail on a planted key, in any file format the app writes.
// The probe folders live outside the suite's data root, so the real scan never sees them.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/scan-secrets.mjs');
const probes: string[] = [];
afterEach(() => {
  for (const dir of probes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function probe(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-scan-probe-'));
  probes.push(dir);
  mkdirSync(path.join(dir, 'data/logs'), { recursive: true });
  writeFileSync(path.join(dir, 'data/settings.json'), JSON.stringify({ sync: { paused: false } }));
  writeFileSync(path.join(dir, 'data/logs/sm8sync.log'), `${JSON.stringify({ msg: 'connected', key: '[redacted]' })}\n`.repeat(2000));
  return dir;
}

function scan(...targets: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...targets], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('the secret scan after the suite', () => {
  it('passes a clean tree and says how much it read', () => {
    const dir = probe();
    const { code, out } = scan(dir);
    expect(out).toMatch(/secret scan: \d+ test keys, 2 files, \d+ bytes read in .*: 0 hits/);
    expect(Number(/(\d+) bytes/.exec(out)![1])).toBeGreaterThan(50_000);
    expect(code).toBe(0);
  });

  it('fails on a key planted in a log line, a SQLite row, UTF-16 text or across a chunk boundary', () => {
    const plants: Record<string, (dir: string) => void> = {
      log: (dir) => writeFileSync(path.join(dir, 'data/logs/sm8sync.1.log'), `{"msg":"oops","key":"rk_test_envkey123456"}\n`),
      sqlite: (dir) => {
        const db = new Database(path.join(dir, 'data/sm8sync.db'));
        db.exec('create table audit (message text)');
        db.prepare('insert into audit values (?)').run('Stripe refused sk_test_e2eSm8syncKey123');
        db.close();
      },
      utf16: (dir) => writeFileSync(path.join(dir, 'data/notes.txt'), Buffer.from('key smk-env-key-123456 here', 'utf16le')),
      boundary: (dir) => {
        const key = Buffer.from('sm8-demo-key');
        const file = Buffer.alloc((1 << 20) + 100, 0x20);
        key.copy(file, (1 << 20) - 5); // straddles the scanner's 1 MiB chunks
        writeFileSync(path.join(dir, 'data/big.bin'), file);
      },
    };
    for (const [name, plant] of Object.entries(plants)) {
      const dir = probe();
      plant(dir);
      const { code, out } = scan(dir);
      expect(code, name).toBe(1);
      expect(out, name).toMatch(/: 1 hits/);
      expect(out, name).toContain(path.join(dir, 'data'));
      // The report points at the key without printing it whole.
      expect(out, name).not.toMatch(/rk_test_envkey123456|sk_test_e2eSm8syncKey123|smk-env-key-123456|sm8-demo-key/);
    }
  });

  it('does not follow symlinks out of the tree, and fails when there is nothing to read', () => {
    const dir = probe();
    const outside = probe();
    writeFileSync(path.join(outside, 'data/key.txt'), 'sk_test_sm8syncSimulatorKey0001');
    symlinkSync(path.join(outside, 'data/key.txt'), path.join(dir, 'data/link.txt'));
    expect(scan(dir).code).toBe(0);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-scan-probe-'));
    probes.push(empty);
    const nothing = scan(empty);
    expect(nothing.code).toBe(1);
    expect(nothing.out).toContain('nothing was read');
  });
});
