// `node scripts/bench.mjs --only naive`: an idle cycle of sm8sync against a naive
// syncer, side by side on the same simulators, at 1,000, 10,000 and 100,000 clients
// linked on both sides. The naive syncer is what a polling recipe does: every cycle it
// lists everything on both sides (ServiceM8 companies and contacts, 5,000 a page;
// Stripe customers, 100 a page) and compares them in memory. It lives here only.
// sm8sync runs as the tray app and `serve` run it: one long-lived process
// (scripts/bench/idle-cycle.ts), measured after it has settled; its CPU is its own
// (the simulators run in a third process).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SM8_KEY = 'sm8-demo-key';
const STRIPE_KEY = 'sk_test_benchKey123456';

function lineProcess(script, args) {
  const child = spawn(process.execPath, [tsx, path.join(root, 'scripts', 'bench', script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const queue = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => queue.shift()?.(JSON.parse(line)));
  const next = () => new Promise((resolve) => queue.push(resolve));
  return {
    next,
    ask: (line) => {
      const answer = next();
      child.stdin.write(`${line}\n`);
      return answer;
    },
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.stdin.end('exit\n');
      }),
  };
}

/** One naive cycle: list every record on both sides, then compare them by cross-reference. */
async function naiveCycle(urls) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const sm8 = async (object) => {
    const rows = [];
    let cursor = '-1';
    for (let page = 0; page < 10_000; page += 1) {
      const response = await fetch(`${urls.servicem8}/api_1.0/${object}.json?cursor=${encodeURIComponent(cursor)}`, {
        headers: { 'X-API-Key': SM8_KEY },
      });
      if (!response.ok) throw new Error(`naive: ServiceM8 ${object} ${response.status}`);
      rows.push(...(await response.json()));
      const nextCursor = response.headers.get('x-next-cursor');
      if (!nextCursor || nextCursor === cursor) break;
      cursor = nextCursor;
    }
    return rows;
  };
  const customers = [];
  for (let after = null, page = 0; page < 100_000; page += 1) {
    const query = new URLSearchParams({ limit: '100', ...(after ? { starting_after: after } : {}) });
    const response = await fetch(`${urls.stripe}/v1/customers?${query}`, { headers: { authorization: `Bearer ${STRIPE_KEY}` } });
    if (!response.ok) throw new Error(`naive: Stripe customers ${response.status}`);
    const body = await response.json();
    customers.push(...body.data);
    if (!body.has_more) break;
    after = body.data.at(-1).id;
  }
  const [companies, contacts] = [await sm8('company'), await sm8('companycontact')];
  const emailOf = new Map(contacts.map((c) => [c.company_uuid, String(c.email).toLowerCase()]));
  const byUuid = new Map(customers.map((c) => [c.metadata?.servicem8_uuid, c]));
  let differences = 0;
  for (const company of companies) {
    const customer = byUuid.get(company.uuid);
    if (!customer || customer.name !== company.name || (customer.email ?? '').toLowerCase() !== emailOf.get(company.uuid)) differences += 1;
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, differences, records: companies.length };
}

async function measure(clients) {
  const sims = lineProcess('linked-simulators.ts', ['--clients', String(clients)]);
  const urls = await sims.next();
  const ours = lineProcess('idle-cycle.ts', ['--servicem8', urls.servicem8, '--stripe', urls.stripe]);
  try {
    const ready = await ours.next();
    const settle = ready.ready;
    if (settle.at(-1).planned !== 0) throw new Error(`sm8sync did not settle at ${clients} clients: ${JSON.stringify(settle)}`);
    if (settle[0].linked !== clients) throw new Error(`sm8sync linked ${settle[0].linked} of ${clients} clients on its first sync`);
    const s0 = await sims.ask('stats');
    const our = await ours.ask('go');
    const s1 = await sims.ask('stats');
    const naive = await naiveCycle(urls);
    const s2 = await sims.ask('stats');
    if (naive.records !== clients || naive.differences !== 0)
      throw new Error(`naive cycle saw ${naive.records} records, ${naive.differences} differences`);
    return {
      clients,
      firstSyncSeconds: settle[0].wallMs / 1000,
      ours: {
        ...our,
        requests: s1.servicem8 - s0.servicem8 + (s1.stripe - s0.stripe),
        servicem8: s1.servicem8 - s0.servicem8,
        stripe: s1.stripe - s0.stripe,
      },
      naive: {
        ...naive,
        requests: s2.servicem8 - s1.servicem8 + (s2.stripe - s1.stripe),
        servicem8: s2.servicem8 - s1.servicem8,
        stripe: s2.stripe - s1.stripe,
      },
    };
  } finally {
    await ours.stop();
    await sims.stop();
  }
}

export async function benchNaive(sizes = [1_000, 10_000, 100_000]) {
  const rows = [];
  for (const clients of sizes) {
    const row = await measure(clients);
    rows.push(row);
    console.error(`naive bench: ${clients} clients measured`);
  }
  const f = (n) => n.toFixed(0).padStart(7);
  console.log('Idle cycle, sm8sync against a naive syncer that lists everything on both sides, same simulators, one run:');
  console.log('  clients | naive: requests    wall ms     CPU ms | sm8sync: requests  wall ms   CPU ms | ratio: requests   wall');
  for (const r of rows) {
    console.log(
      `  ${String(r.clients).padStart(7)} | ${f(r.naive.requests)} (${r.naive.servicem8}+${r.naive.stripe}) ${f(r.naive.wallMs)} ${f(r.naive.cpuMs)} |` +
        ` ${f(r.ours.requests)} (${r.ours.servicem8}+${r.ours.stripe}) ${f(r.ours.wallMs)} ${f(r.ours.cpuMs)} |` +
        ` ${(r.naive.requests / r.ours.requests).toFixed(0).padStart(6)}× ${(r.naive.wallMs / r.ours.wallMs).toFixed(0).padStart(6)}×`,
    );
  }
  const big = rows.at(-1);
  console.log(
    `  goal at ${big.clients}: requests ratio ≥ 100× → ${(big.naive.requests / big.ours.requests).toFixed(0)}×; idle cycle CPU < 1,000 ms → ${big.ours.cpuMs.toFixed(0)} ms with ${big.ours.requests} requests (${rows[0].ours.requests} at ${rows[0].clients})`,
  );
  console.log(
    `  (first sync, which links every pair by cross-reference: ${rows.map((r) => `${r.clients}: ${r.firstSyncSeconds.toFixed(1)} s`).join(', ')})`,
  );
  return rows;
}
