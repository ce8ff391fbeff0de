// `node scripts/bench.mjs --only small-change [--sizes 1000,100000]`: a cycle with a few
// changes must cost work in proportion to the changes, not to the data. Over N clients
// and 2N invoiced jobs seeded as after a first sync (the idle bench's seed, idle.mjs;
// every PAID_EVERY-th job's invoice paid, by card in Stripe or cash in ServiceM8 in turn,
// so the payments pair's keyed reads meet a mirror of realistic size),
// people make a few edits through both APIs (small-edits.ts: 10 ServiceM8 clients, 10
// Stripe customers, 10 jobs' lines, 2 payments); then the real sync runner runs the
// cycle that carries them, and the one after it (which reads back the events of its own
// writes). Per cycle: what it pulled and planned, requests per side, the sync process's
// CPU (user + system), wall time, RSS and the mirror rows it read per object.
import { withSeededWorld } from './idle.mjs';

// One job in four paid: the invoices of a month or two, most of them still open.
const PAID_EVERY = 4;

async function measure(clients, jobs) {
  return withSeededWorld(
    clients,
    jobs,
    async ({ sims, ours, seeded, seedSeconds }) => {
      const expected = Math.floor(jobs / PAID_EVERY);
      if (seeded.payments.card + seeded.payments.cash !== expected)
        throw new Error(`seeded ${JSON.stringify(seeded.payments)} payments, expected ${expected}`);
      const edits = await sims.ask('edit');
      const cycles = [];
      for (const name of ['change', 'after']) {
        const before = await sims.ask('stats');
        const cycle = await ours.ask('go');
        const after = await sims.ask('stats');
        cycles.push({ name, ...cycle, servicem8: after.servicem8 - before.servicem8, stripe: after.stripe - before.stripe });
      }
      if (cycles[0].pulled === 0 || cycles[0].planned === 0)
        throw new Error(`the cycle after the edits pulled ${cycles[0].pulled} records and planned ${cycles[0].planned} writes`);
      return { clients, jobs, seedSeconds, payments: seeded.payments, edits, cycles };
    },
    { paidEvery: PAID_EVERY },
  );
}

const rowList = (rows) =>
  Object.entries(rows)
    .sort((a, b) => b[1] - a[1])
    .map(([object, n]) => `${object} ${n}`)
    .join(', ') || 'none';

export async function benchSmallChange(sizes = [1_000, 100_000]) {
  const rows = [];
  for (const clients of sizes) {
    rows.push(await measure(clients, clients * 2));
    console.error(`small-change bench: ${clients} clients measured`);
  }
  const e = rows[0].edits;
  console.log(
    `A cycle with a few changes (${e.servicem8Clients} ServiceM8 clients and ${e.stripeCustomers} Stripe customers renamed, ${e.jobs} jobs' lines changed, ${e.payments} payments recorded in ServiceM8) over a store and simulators seeded as after a first sync; sync CPU = user + system:`,
  );
  console.log(
    `  seeded paid: ${rows.map((r) => `${r.clients} clients: ${r.payments.card} by card, ${r.payments.cash} in cash`).join('; ')}`,
  );
  console.log('  clients invoices | cycle  | pulled | planned | questions | requests (ServiceM8+Stripe) | CPU ms | wall ms | RSS MB');
  for (const r of rows)
    for (const c of r.cycles)
      console.log(
        `  ${String(r.clients).padStart(7)} ${String(r.jobs).padStart(8)} | ${c.name.padEnd(6)} | ${String(c.pulled).padStart(6)} | ${String(c.planned).padStart(7)} | ${String(c.conflicts).padStart(9)} | ${String(c.servicem8 + c.stripe).padStart(8)} (${c.servicem8}+${c.stripe})${' '.repeat(Math.max(0, 12 - `${c.servicem8}+${c.stripe}`.length))} | ${c.cpuMs.toFixed(0).padStart(6)} | ${c.wallMs.toFixed(0).padStart(7)} | ${c.rssMb.toFixed(0).padStart(6)}`,
      );
  for (const r of rows)
    for (const c of r.cycles) console.log(`  mirror rows read at ${r.clients} clients, ${c.name} cycle: ${rowList(c.mirrorRows)}`);
  console.log(`  (seeding both simulators and the store: ${rows.map((r) => `${r.clients}: ${r.seedSeconds.toFixed(0)} s`).join(', ')})`);
  return rows;
}
