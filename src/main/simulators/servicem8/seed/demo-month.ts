// The rest of the demo month: about a hundred everyday jobs spread over November's
// working days, each in a state drawn from a realistic mix — quotes waiting, work
// orders, completed but not invoiced, invoiced and unpaid, paid in part or in full,
// deposits, jobs lost to another quote. A job whose next step would fall after the
// month's end simply stays where it is, as late-month jobs do.
import { CATALOGUE, CATEGORIES, JOB_DESCRIPTIONS } from './demo-catalogue';
import type { SeedLine, SeedStep } from './demo-jobs';
import { DAY, HOUR, MONTH_END, inWorkingHours, sydney } from './demo-time';
import { stableUuid, type SeedRandom } from './seed-tools';

export interface MonthJobPlan {
  uuid: string;
  trade: 'plumbing' | 'electrical';
  category: string;
  description: string;
  lines: SeedLine[];
  at: number;
  steps: SeedStep[];
}

type Scenario = 'quote-draft' | 'quote' | 'lost' | 'work-order' | 'deposit' | 'completed' | 'invoiced' | 'part-paid' | 'paid' | 'card';

const MIX: [Scenario, number][] = [
  ['quote-draft', 0.05],
  ['quote', 0.12],
  ['lost', 0.05],
  ['work-order', 0.12],
  ['deposit', 0.05],
  ['completed', 0.08],
  ['invoiced', 0.16],
  ['part-paid', 0.07],
  ['paid', 0.26],
  ['card', 0.04],
];

function pickScenario(random: SeedRandom): Scenario {
  let roll = random.next();
  for (const [scenario, weight] of MIX) {
    if ((roll -= weight) < 0) return scenario;
  }
  return 'paid';
}

function linesFor(random: SeedRandom, trade: 'plumbing' | 'electrical'): SeedLine[] {
  const items = CATALOGUE.filter((c) => c.trade === trade || c.trade === 'both');
  return Array.from({ length: random.int(1, 4) }, () => {
    const item = random.pick(items);
    const quantity = item.name.includes('per hour')
      ? String(random.int(1, 8) / 2)
      : Number(item.price) > 500
        ? '1'
        : String(random.int(1, 3));
    return { item, quantity };
  });
}

function stepsFor(scenario: Scenario, start: number, random: SeedRandom, uuid: string): SeedStep[] {
  const steps: SeedStep[] = [];
  const pay = (n: number) => stableUuid('jobpayment', uuid, String(n));
  let t = start;
  if (scenario === 'quote-draft') return steps;
  const quoted = scenario === 'quote' || scenario === 'lost' || random.chance(0.6);
  if (quoted) steps.push({ kind: 'quote-sent', at: (t += random.int(1, 3) * HOUR) });
  if (scenario === 'quote') return steps;
  if (scenario === 'lost')
    return [...steps, { kind: 'unsuccessful', at: t + random.int(3, 9) * DAY, reason: 'Customer went with another quote' }];
  steps.push({ kind: 'work-order', at: (t += quoted ? random.int(1, 4) * DAY : 10 * 60_000) });
  if (scenario === 'deposit')
    steps.push({ kind: 'payment', at: (t += HOUR), uuid: pay(1), amount: { percent: 20 }, method: 'EFT', note: 'Deposit' });
  if (scenario === 'work-order') return steps;
  steps.push({ kind: 'completed', at: (t += random.int(0, 3) * DAY + random.int(2, 6) * HOUR) });
  if (scenario === 'completed') return steps;
  steps.push({ kind: 'invoice-sent', at: (t += random.int(1, 20) * 15 * 60_000) });
  if (scenario === 'invoiced') return steps;
  if (scenario === 'card')
    return [...steps, { kind: 'payment', at: t + 10 * 60_000, uuid: pay(2), amount: 'balance', method: 'Stripe', note: 'ServiceM8 Pay' }];
  const method = random.pick(['EFT', 'EFT', 'Bank Transfer', 'Cash', 'Credit Card']);
  const amount = scenario === 'part-paid' ? { percent: 50 } : 'balance';
  return [...steps, { kind: 'payment', at: t + random.int(1, 12) * DAY, uuid: pay(2), amount, method }];
}

/** Working days of the month (Monday to Saturday), in order. */
function workingDays(): number[] {
  const days: number[] = [];
  for (let day = 2; day <= 30; day += 1) if (new Date(sydney(day, 12)).getUTCDay() !== 0) days.push(day);
  return days;
}

export function monthJobs(random: SeedRandom, count: number): MonthJobPlan[] {
  const days = workingDays();
  return Array.from({ length: count }, (_, n) => {
    const day = days[Math.floor((n / count) * days.length)]!;
    const at = sydney(day, random.int(7, 15), random.pick([0, 15, 30, 45]));
    const trade = random.chance(0.6) ? 'plumbing' : 'electrical';
    const uuid = stableUuid('job', 'month', String(n));
    const description = random.pick(JOB_DESCRIPTIONS[trade]);
    const category =
      trade === 'electrical'
        ? CATEGORIES.electrical.uuid
        : description.includes('hot water')
          ? CATEGORIES.hotWater.uuid
          : description.includes('sewer')
            ? CATEGORIES.drainage.uuid
            : random.chance(0.15)
              ? CATEGORIES.maintenance.uuid
              : CATEGORIES.plumbing.uuid;
    // Steps keep their order: each moves into working hours, never before the one it follows.
    let last = at;
    const steps = stepsFor(pickScenario(random), at, random, uuid).map((step) => ({
      ...step,
      at: (last = Math.max(last, inWorkingHours(step.at))),
    }));
    const cut = steps.findIndex((step) => step.at > MONTH_END);
    return { uuid, trade, category, description, lines: linesFor(random, trade), at, steps: cut < 0 ? steps : steps.slice(0, cut) };
  });
}
