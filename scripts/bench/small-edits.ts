// Benchmark helper for `bench.mjs --only small-change`: the few edits people make between
// two cycles, through both simulators' HTTP APIs as a person's app would (so each leaves
// the change dates and events a real edit does): 10 ServiceM8 clients renamed, 10 other
// clients' Stripe customers renamed, 10 jobs with a line's amount changed, 2 payments
// recorded on jobs in ServiceM8. Records are picked evenly across the seeded ones.

export interface SeededJob {
  uuid: string;
  /** The uuid of its "Parts" line. */
  parts: string;
}

const EDITS = 10;
const PAYMENTS = 2;

/** `count` positions spread evenly over `size` records, shifted by `offset` (so two kinds of edit never pick the same one). */
const spread = (size: number, count: number, offset: number) =>
  Array.from({ length: Math.min(count, size) }, (_, i) => (Math.floor((i * size) / count) + offset) % size);

async function servicem8Post(base: string, path: string, body: Record<string, unknown>) {
  const response = await fetch(`${base}/api_1.0/${path}`, {
    method: 'POST',
    headers: { 'x-api-key': 'sm8-demo-key', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`edit ${path}: ${response.status} ${await response.text()}`);
}

async function stripePost(base: string, path: string, body: Record<string, string>) {
  const response = await fetch(`${base}/v1/${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_benchKey123456', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  if (!response.ok) throw new Error(`edit ${path}: ${response.status} ${await response.text()}`);
}

export async function makeSmallEdits(
  urls: { servicem8: string; stripe: string },
  clients: readonly { company: string; customer: string }[],
  jobs: readonly SeededJob[],
): Promise<{ servicem8Clients: number; stripeCustomers: number; jobs: number; payments: number }> {
  const made = { servicem8Clients: 0, stripeCustomers: 0, jobs: 0, payments: 0 };
  for (const n of spread(clients.length, EDITS, 0)) {
    await servicem8Post(urls.servicem8, `company/${clients[n]!.company}.json`, { name: `Bench Client ${n} Plumbing Pty Ltd` });
    made.servicem8Clients += 1;
  }
  for (const n of spread(clients.length, EDITS, Math.max(1, Math.floor(clients.length / (2 * EDITS))))) {
    await stripePost(urls.stripe, `customers/${clients[n]!.customer}`, { name: `Bench Client ${n} Electrical Pty Ltd` });
    made.stripeCustomers += 1;
  }
  for (const n of spread(jobs.length, EDITS, 1)) {
    await servicem8Post(urls.servicem8, `jobmaterial/${jobs[n]!.parts}.json`, { displayed_amount: '555' });
    made.jobs += 1;
  }
  for (const n of spread(jobs.length, PAYMENTS, 2)) {
    await servicem8Post(urls.servicem8, 'jobpayment.json', {
      job_uuid: jobs[n]!.uuid,
      amount: '10.00',
      method: 'Cash',
      timestamp: new Date().toISOString().slice(0, 19).replace('T', ' '),
    });
    made.payments += 1;
  }
  return made;
}
