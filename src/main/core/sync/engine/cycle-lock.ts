// One sync at a time per data folder, across processes (the tray app, `serve`, a cron
// `sm8sync sync`). The lock file holds "<pid> <token>" and is put in place with link():
// the content is written to a private temp file first and link() fails if the lock
// exists, so a rival never sees a half-written lock (the old open('wx')-then-write let a
// rival read an empty file as a dead owner and take over a live lock).
//
// A lock whose process no longer runs is taken over, but only by whoever first claims
// "break-<that lock>" (again by link()): the claimant re-reads the lock and removes it
// only if it is still the same one, so two rivals cannot both remove a lock and one of
// them delete the other's fresh lock. Residual case, documented rather than hidden: a
// claimant that dies inside its three-call claim leaves the claim behind; the claim of a
// dead process is removed on the next try.
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface CycleLock {
  /** Null when acquired; otherwise who holds it (a pid, or -1 when unknown), for the message. */
  acquire(): { heldBy: number } | null;
  release(): void;
}

export const LOCK_FILE = 'sync.lock';
const ATTEMPTS = 4;
/** A lock file without a pid (written by an older sm8sync) is only stale after this long. */
const UNREADABLE_GRACE_MS = 10_000;

/** Locks this process holds, by content: two FileCycleLocks in one process exclude each other too. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Writes `content` to `target` only if `target` does not exist; false when it does. */
function createExclusive(target: string, content: string): boolean {
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, target);
    return true;
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

interface Holder {
  raw: string;
  pid: number;
  ino: number;
  ageMs: number;
}

function readHolder(file: string): Holder | null {
  try {
    const stat = statSync(file);
    const raw = readFileSync(file, 'utf8');
    const pid = Number(raw.trim().split(/\s+/)[0]);
    return { raw, pid: Number.isInteger(pid) && pid > 0 ? pid : 0, ino: stat.ino, ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if (code(error) === 'ENOENT') return null;
    throw error;
  }
}

export class FileCycleLock implements CycleLock {
  private readonly file: string;
  private held: string | null = null;

  /** `name` lets other one-at-a-time jobs (a running demo) use the same lock under their own file. */
  constructor(dataDir: string, name: string = LOCK_FILE) {
    this.file = path.join(dataDir, name);
  }

  acquire(): { heldBy: number } | null {
    const mine = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      if (createExclusive(this.file, mine)) {
        this.held = mine;
        heldHere.add(mine);
        return null;
      }
      const holder = readHolder(this.file);
      if (!holder) continue; // released between our try and our look
      if (holder.pid === 0 && holder.ageMs < UNREADABLE_GRACE_MS) return { heldBy: -1 };
      if (holder.pid === process.pid ? heldHere.has(holder.raw) : holder.pid > 0 && alive(holder.pid)) return { heldBy: holder.pid };
      // Stale: its process is gone (or it is ours from an earlier life with the same pid, as in a restarted container).
      const busy = this.breakStale(holder);
      if (busy) return busy;
    }
    return { heldBy: -1 };
  }

  /** Removes the stale lock `holder` if we win the claim on it; who is breaking it otherwise. */
  private breakStale(holder: Holder): { heldBy: number } | null {
    const claim = `${this.file}.break-${holder.ino}-${holder.raw.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 64)}`;
    if (!createExclusive(claim, `${process.pid}\n`)) {
      const claimant = readHolder(claim);
      if (claimant && claimant.pid > 0 && claimant.pid !== process.pid && alive(claimant.pid)) return { heldBy: claimant.pid };
      if (claimant) rmSync(claim, { force: true }); // its claimant died mid-claim
      return null;
    }
    try {
      const now = readHolder(this.file);
      if (now && now.raw === holder.raw && now.ino === holder.ino) rmSync(this.file, { force: true });
    } finally {
      rmSync(claim, { force: true });
    }
    return null;
  }

  release(): void {
    const mine = this.held;
    if (!mine) return;
    this.held = null;
    heldHere.delete(mine);
    // Only a claimant of *our* lock may remove it, and none does while we live: read-then-remove is safe.
    if (readHolder(this.file)?.raw === mine) rmSync(this.file, { force: true });
  }
}
