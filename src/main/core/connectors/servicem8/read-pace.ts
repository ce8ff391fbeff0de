// How a long read shares its thread. Parsing 20,000 jobs is seconds of CPU; a read made
// ahead of need (SyncPair.readAhead) runs beside another pair's writes, and if it took
// the thread whenever it could, those writes would slow down just as much as the read
// gains. In the background a read rests as long as each slice of work took (at most
// half the thread); once someone waits on it, it hurries: it only hands the thread back.
import { setImmediate } from 'node:timers/promises';

const MAX_REST_MS = 50;

export class ReadPace {
  private urgent: boolean;
  private wake: (() => void) | null = null;

  constructor(mode: 'now' | 'background') {
    this.urgent = mode === 'now';
  }

  /** The read is needed now: stop resting (a rest under way ends at once). */
  hurry(): void {
    this.urgent = true;
    this.wake?.();
  }

  /** Between two slices of work, the last of which took `sliceMs`. */
  async between(sliceMs: number): Promise<void> {
    if (this.urgent) {
      await setImmediate();
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(MAX_REST_MS, Math.max(1, sliceMs)));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }
}

/** The pace of a read someone is waiting on. */
export const NOW = new ReadPace('now');
