// The sync lock under a real race: six processes acquire at the same moment, round after
// round, on a free lock and on locks left by dead processes. Exactly one may hold it;
// every other reports a live rival's pid. Pass or fail does not depend on timing: with a
// correct lock no interleaving lets two hold it at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FileCycleLock, LOCK_FILE } from '../../src/main/core/sync/engine/cycle-lock';
import { useTempDirs } from '../helpers/temp-dir';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../helpers/cycle-lock-child.ts');
const RIVALS = 6;
const ROUNDS = 12;
const tempDir = useTempDirs();

interface Reply {
  pid: number;
  ready?: boolean;
  acquired?: boolean;
  heldBy?: number | null;
  released?: boolean;
}

interface Rival {
  child: ChildProcess;
  pid: number;
  next(): Promise<Reply>;
  send(line: string): void;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function startRival(dir: string): Promise<Rival> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  started.push(child);
  const queue: Reply[] = [];
  const waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] = [];
  child.once('exit', (exitCode) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`rival exited with ${exitCode}`));
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as Reply;
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(reply);
    else queue.push(reply);
  });
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      waiting.push({ resolve, reject });
    });
  const ready = await next();
  return { child, pid: ready.pid, next, send: (line) => child.stdin.write(`${line}\n`) };
}

/** All rivals try at once; returns each one's answer. */
async function race(rivals: Rival[]): Promise<Reply[]> {
  const answers = rivals.map((r) => r.next());
  for (const rival of rivals) rival.send('go');
  return Promise.all(answers);
}

function expectOneHolder(rivals: Rival[], answers: Reply[]): Rival {
  const winners = answers.filter((a) => a.acquired);
  expect(
    winners.map((w) => w.pid),
    'processes holding the lock at once',
  ).toHaveLength(1);
  const pids = rivals.map((r) => r.pid);
  for (const loser of answers.filter((a) => !a.acquired)) expect(pids, 'a loser names a live rival').toContain(loser.heldBy);
  return rivals.find((r) => r.pid === winners[0]!.pid)!;
}

async function releaseAll(holder: Rival, dir: string): Promise<void> {
  const done = holder.next();
  holder.send('release');
  expect((await done).released).toBe(true);
  expect(readdirSync(dir), 'no lock, claim or temp file is left behind').toEqual([]);
}

describe('the sync lock across processes', () => {
  it(`${RIVALS} processes acquiring at once: exactly one holds it, on a free lock and on a dead process's lock, ${ROUNDS} rounds`, async () => {
    const dir = tempDir();
    const rivals = await Promise.all(Array.from({ length: RIVALS }, () => startRival(dir)));
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 1) writeFileSync(path.join(dir, LOCK_FILE), '2147483646 0123456789abcdef\n'); // no such process
      const holder = expectOneHolder(rivals, await race(rivals));
      await releaseAll(holder, dir);
    }
  }, 60_000);

  it('a holder killed with SIGKILL leaves a lock that exactly one rival takes over', async () => {
    const dir = tempDir();
    const doomed = await startRival(dir);
    const first = doomed.next();
    doomed.send('go');
    expect((await first).acquired).toBe(true);
    const gone = new Promise((resolve) => doomed.child.once('exit', resolve));
    doomed.child.kill('SIGKILL');
    await gone;
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const rivals = await Promise.all(Array.from({ length: RIVALS }, () => startRival(dir)));
    const holder = expectOneHolder(rivals, await race(rivals));
    await releaseAll(holder, dir);
  }, 60_000);

  it('in one process, a second lock reports this pid; a lock with this pid from an earlier life is taken over', () => {
    const dir = tempDir();
    const first = new FileCycleLock(dir);
    const second = new FileCycleLock(dir);
    expect(first.acquire()).toBeNull();
    expect(second.acquire()).toEqual({ heldBy: process.pid });
    first.release();
    expect(second.acquire()).toBeNull();
    second.release();
    writeFileSync(path.join(dir, LOCK_FILE), `${process.pid} 00000000\n`); // e.g. a container restarted with the same pid
    expect(first.acquire()).toBeNull();
    first.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
