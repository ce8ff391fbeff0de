// The clients pair alone in the sync engine over the in-memory fake sides, at a fixed
// instant: the set-up the idle-cycle and small-change tests share (they count the mirror
// rows a cycle reads, so no other pair may run beside it).
import { createClientPair } from '../../src/main/core/sync/clients/client-pair';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import { Store } from '../../src/main/core/store/store';
import { parseSettings } from '../../src/shared/settings';
import { FakeServiceM8, FakeStripe } from './fake-client-sides';

export function clientsOverFakes(dir: string) {
  const clock = () => new Date('2026-11-24T00:00:00.000Z');
  const store = Store.open(dir, { clock });
  const servicem8 = new FakeServiceM8();
  const stripe = new FakeStripe();
  const pair = createClientPair({
    store,
    servicem8,
    stripe,
    errors: { classify: (e) => ({ kind: 'validation', message: (e as Error).message }) },
  });
  const engine = new SyncEngine({
    store,
    pairs: [pair],
    feeds: [stripe.feed],
    clock,
    settings: () => parseSettings({}),
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20000 }),
  });
  return { store, servicem8, stripe, sync: () => engine.runCycle({ dryRun: false, trigger: 'cli' }) };
}
