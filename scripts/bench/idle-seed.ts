// Benchmark helper for `bench.mjs --only idle`, its own process (so the sync measured
// next does not carry the seed's memory): seeds the store in --data-dir as a finished
// first sync against the simulators given leaves it (idle-store-seed.ts), prints what it
// seeded as one JSON line and exits.
import { parseArgs } from 'node:util';
import { Store } from '../../src/main/core/store/store';
import { parseSettings } from '../../src/shared/settings';
import { seedFirstSync } from './idle-store-seed';

const { values } = parseArgs({
  options: { servicem8: { type: 'string' }, stripe: { type: 'string' }, dump: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const store = Store.open(values['data-dir']!);
const started = performance.now();
const seeded = await seedFirstSync(store, {
  servicem8: values.servicem8!,
  stripe: values.stripe!,
  dump: values.dump!,
  settings: parseSettings({}),
  keys: { servicem8: 'sm8-demo-key', stripe: 'sk_test_benchKey123456' },
});
store.close();
process.stdout.write(`${JSON.stringify({ ...seeded, seconds: (performance.now() - started) / 1000 })}\n`);
