// A rival process for the cycle-lock race test. Reads commands on stdin, one a line:
// "go" acquires (prints {"pid","acquired","heldBy"}), "release" releases (prints
// {"pid","released":true}), "exit" ends. Prints {"ready":pid} once it can take orders.
import readline from 'node:readline';
import { FileCycleLock } from '../../src/main/core/sync/engine/cycle-lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cycle-lock-child.ts DATA_DIR');
const lock = new FileCycleLock(dir);
const say = (value: object) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...value })}\n`);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'go') {
    const held = lock.acquire();
    say({ acquired: held === null, heldBy: held?.heldBy ?? null });
  } else if (line === 'release') {
    lock.release();
    say({ released: true });
  } else if (line === 'exit') {
    process.exit(0);
  }
});
say({ ready: true });
