// A sync process for the payments crash test: the engine with the payments pair (and the
// stand-in invoices pair) over a data folder whose invoice links the test filed. Runs
// cycles until nothing is left to send (at most MAX_CYCLES), then prints one JSON line.
// Its clock runs two hours further each cycle, so writes the engine put off after a
// fault (backoff) are due in the next cycle instead of seconds of real waiting.
import { Store } from '../../src/main/core/store/store';
import { buildPaymentsEngine } from './payments-engine';

const [dataDir, servicem8Url, stripeUrl] = process.argv.slice(2);
if (!dataDir || !servicem8Url || !stripeUrl) throw new Error('usage: payments-sync-child.ts DATA_DIR SERVICEM8_URL STRIPE_URL');
const MAX_CYCLES = 40;
let offset = 0;
const clock = () => new Date(Date.now() + offset);
const store = Store.open(dataDir, { clock });
const { engine } = buildPaymentsEngine({ store, servicem8Url, stripeUrl, clock });

const states: string[] = [];
for (let cycle = 0; cycle < MAX_CYCLES; cycle += 1) {
  const result = await engine.runCycle({ dryRun: false, trigger: 'cli' });
  states.push(result.state);
  const counts = store.outbox.countByState();
  if (result.state === 'completed' && counts.pending + counts.sent === 0 && result.plan.length === 0) break;
  offset += 2 * 60 * 60_000;
}
const counts = store.outbox.countByState();
store.close();
process.stdout.write(`${JSON.stringify({ cycles: states.length, states, outbox: counts })}\n`);
