// One sync at a time per data folder, across processes (the tray app, `serve`, a cron
// `sm8sync sync`): a lock file created exclusively, holding the owner's pid. A lock
// left by a process that no longer runs is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface CycleLock {
  /** Null when acquired; otherwise who holds it, for the message. */
  acquire(): { heldBy: number } | null;
  release(): void;
}

export const LOCK_FILE = 'sync.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileCycleLock implements CycleLock {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, LOCK_FILE);
  }

  acquire(): { heldBy: number } | null {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(this.file, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) return { heldBy: owner };
        rmSync(this.file, { force: true }); // stale: its process is gone
      }
    }
    return { heldBy: -1 };
  }

  release(): void {
    try {
      if (Number(readFileSync(this.file, 'utf8').trim()) === process.pid) rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}
