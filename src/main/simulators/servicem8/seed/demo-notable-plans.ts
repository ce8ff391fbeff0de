// The demo month's notable jobs, written out by hand: each shows one case the invoices
// and payments pairs must handle (a GST-free line, tax-inclusive prices, a deposit, a
// part payment, a zero-value invoice, a ServiceM8 Pay card payment, an open quote).
// demo-notable-jobs.ts describes what they become, for the Stripe seed and the tests.
import { BADGES, CATEGORIES, WARRANTY_LINE, itemByName } from './demo-catalogue';
import type { SeedLine, SeedStep } from './demo-jobs';
import { stableUuid } from './seed-tools';
import { sydney } from './demo-time';

export interface NotablePlan {
  key: string;
  /** Index into SHARED_CLIENTS (the clients the Stripe demo also has). */
  client: number;
  category: string;
  description: string;
  badges: string[];
  lines: SeedLine[];
  at: number;
  steps: SeedStep[];
}

const line = (name: string, quantity: string): SeedLine => ({ item: itemByName(name), quantity });
export const notableJobUuid = (key: string) => stableUuid('job', 'notable', key);
const payment = (key: string, n: number) => stableUuid('jobpayment', 'notable', key, String(n));

export const NOTABLE_PLANS: NotablePlan[] = [
  {
    key: 'gst-free-line',
    client: 0,
    category: CATEGORIES.plumbing.uuid,
    description: 'New cafe sink: connection and water authority permit',
    badges: [],
    lines: [
      line('Labour - licensed plumber (per hour)', '3'),
      line('Sydney Water plumbing permit', '1'),
      line('Tap washer and O-ring kit', '2'),
    ],
    at: sydney(3, 8, 15),
    steps: [
      { kind: 'quote-sent', at: sydney(3, 9, 0) },
      { kind: 'work-order', at: sydney(4, 8, 0) },
      { kind: 'completed', at: sydney(5, 15, 30) },
      { kind: 'invoice-sent', at: sydney(5, 16, 0) },
      { kind: 'payment', at: sydney(12, 10, 0), uuid: payment('gst-free-line', 1), amount: 'balance', method: 'EFT' },
    ],
  },
  {
    key: 'tax-inclusive',
    client: 1,
    category: CATEGORIES.hotWater.uuid,
    description: 'Replace hot water system',
    badges: [],
    lines: [line('Hot water system 250L electric', '1'), line('Call-out fee', '1')],
    at: sydney(9, 7, 45),
    steps: [
      { kind: 'quote-sent', at: sydney(9, 8, 30) },
      { kind: 'work-order', at: sydney(10, 7, 30) },
      { kind: 'completed', at: sydney(11, 14, 0) },
      { kind: 'invoice-sent', at: sydney(11, 14, 30) },
    ],
  },
  {
    key: 'deposit',
    client: 5,
    category: CATEGORIES.electrical.uuid,
    description: 'Switchboard upgrade, science block',
    badges: [BADGES.afterHours.uuid],
    lines: [line('Switchboard upgrade', '1'), line('RCD safety switch', '3'), line('Labour - licensed electrician (per hour)', '6')],
    at: sydney(2, 9, 0),
    steps: [
      { kind: 'quote-sent', at: sydney(2, 11, 0) },
      { kind: 'work-order', at: sydney(6, 8, 0) },
      {
        kind: 'payment',
        at: sydney(6, 9, 0),
        uuid: payment('deposit', 1),
        amount: { percent: 30 },
        method: 'Bank Transfer',
        note: 'Deposit 30%',
      },
      { kind: 'completed', at: sydney(14, 13, 0) },
      { kind: 'invoice-sent', at: sydney(14, 13, 30) },
      { kind: 'payment', at: sydney(24, 11, 0), uuid: payment('deposit', 2), amount: 'balance', method: 'Bank Transfer' },
    ],
  },
  {
    key: 'part-paid',
    client: 4,
    category: CATEGORIES.drainage.uuid,
    description: 'Blocked sewer line behind surgery',
    badges: [],
    lines: [
      line('CCTV drain inspection', '1'),
      line('Blocked drain clearing (jet rodder)', '1'),
      line('Labour - licensed plumber (per hour)', '2'),
    ],
    at: sydney(16, 7, 30),
    steps: [
      { kind: 'work-order', at: sydney(16, 7, 35) },
      { kind: 'completed', at: sydney(16, 12, 0) },
      { kind: 'invoice-sent', at: sydney(16, 12, 30) },
      { kind: 'payment', at: sydney(23, 9, 30), uuid: payment('part-paid', 1), amount: { dollars: '400.00' }, method: 'Cash' },
    ],
  },
  {
    key: 'zero-value',
    client: 2,
    category: CATEGORIES.plumbing.uuid,
    description: 'Warranty return: dripping mixer tap fitted last month',
    badges: [BADGES.warranty.uuid],
    lines: [{ item: WARRANTY_LINE, quantity: '1' }],
    at: sydney(18, 10, 0),
    steps: [
      { kind: 'work-order', at: sydney(18, 10, 5) },
      { kind: 'completed', at: sydney(19, 11, 0) },
      { kind: 'invoice-sent', at: sydney(19, 11, 15) },
    ],
  },
  {
    key: 'servicem8-pay',
    client: 3,
    category: CATEGORIES.plumbing.uuid,
    description: 'Leaking kitchen mixer tap',
    badges: [],
    lines: [line('Call-out fee', '1'), line('Mixer tap - chrome', '1')],
    at: sydney(20, 8, 0),
    steps: [
      { kind: 'work-order', at: sydney(20, 8, 5) },
      { kind: 'completed', at: sydney(20, 11, 45) },
      { kind: 'invoice-sent', at: sydney(20, 11, 50) },
      // Paid on site by card through ServiceM8's own Stripe-backed payments.
      {
        kind: 'payment',
        at: sydney(20, 11, 55),
        uuid: payment('servicem8-pay', 1),
        amount: 'balance',
        method: 'Stripe',
        note: 'ServiceM8 Pay',
      },
    ],
  },
  {
    key: 'open-quote',
    client: 0,
    category: CATEGORIES.plumbing.uuid,
    description: 'Quote: second hand basin and tapware for the cafe bathroom',
    badges: [],
    lines: [line('Mixer tap - chrome', '2'), line('Labour - licensed plumber (per hour)', '4')],
    at: sydney(26, 9, 0),
    steps: [{ kind: 'quote-sent', at: sydney(26, 10, 0) }],
  },
];
