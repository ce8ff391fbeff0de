// What the invoices and payments workloads share: their own ServiceM8 clients (owned, so
// the clients workload leaves them out), jobs with materials drawn from the cases the
// invoices pair must carry (GST inclusive, GST exclusive, GST-free, decimal quantities,
// four-place unit amounts), a job completed and its invoice sent, and both sides' reads.
import type Stripe from 'stripe';
import { ACCOUNT_IDS } from '../../../src/main/simulators/servicem8/seed/account-seed';
import { uuidFrom } from '../workload';
import type { World } from '../world';

export interface Material {
  uuid: string;
  name: string;
  quantity: string;
  amount: string;
  inclusive: '0' | '1';
  taxRate: string;
}

export interface PlannedJob {
  uuid: string;
  company: string;
  lines: Material[];
}

const QUANTITIES = ['1', '2', '0.5', '1.25', '0.75', '3', '2.5'];

/** A unit amount in dollars: mostly cents, sometimes ServiceM8's four places. */
function amountFrom(rng: () => number): string {
  const cents = 500 + Math.floor(rng() * 60_000);
  const base = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return rng() < 0.2 ? `${base}${String(Math.floor(rng() * 100)).padStart(2, '0')}` : base;
}

export function drawMaterial(rng: () => number, name: string): Material {
  const kind = Math.floor(rng() * 3);
  return {
    uuid: uuidFrom(rng),
    name,
    quantity: QUANTITIES[Math.floor(rng() * QUANTITIES.length)]!,
    amount: amountFrom(rng),
    // GST inclusive, GST exclusive, GST-free (entered either way).
    inclusive: kind === 0 ? '1' : kind === 1 ? '0' : rng() < 0.5 ? '1' : '0',
    taxRate: kind === 2 ? ACCOUNT_IDS.gstFree : ACCOUNT_IDS.gst,
  };
}

export function drawJob(rng: () => number, company: string, tag: string, maxLines = 3): PlannedJob {
  const count = 1 + Math.floor(rng() * maxLines);
  return { uuid: uuidFrom(rng), company, lines: Array.from({ length: count }, (_, i) => drawMaterial(rng, `${tag} line ${i + 1}`)) };
}

export const QUANTITY_EDITS = ['4', '1.5', '0.25', '6'];

/** A client of this workload's own (company and billing contact), kept out of the clients workload's snapshot. */
export async function ownClient(world: World, pair: string, uuid: string, contact: string, name: string, email: string): Promise<void> {
  world.owners.set(uuid, pair);
  await world.sm8Create('company', { uuid, name, address_city: 'Parramatta', address_state: 'NSW', address_postcode: '2150' });
  await world.sm8Create('companycontact', { uuid: contact, company_uuid: uuid, type: 'BILLING', is_primary_contact: '1', email });
}

export async function createJob(world: World, pair: string, job: PlannedJob): Promise<void> {
  world.owners.set(job.uuid, pair);
  await world.sm8Create('job', { uuid: job.uuid, company_uuid: job.company, status: 'Work Order', job_description: 'Chaos job' });
  for (const [i, m] of job.lines.entries())
    await world.sm8Create('jobmaterial', {
      uuid: m.uuid,
      job_uuid: job.uuid,
      name: m.name,
      quantity: m.quantity,
      displayed_amount: m.amount,
      displayed_amount_is_tax_inclusive: m.inclusive,
      tax_rate_uuid: m.taxRate,
      sort_order: String(i + 1),
    });
}

/** Completed, then the invoice sent from ServiceM8 (the default trigger): two edits, as a person makes them. */
export async function sendInvoice(world: World, uuid: string): Promise<void> {
  await world.sm8Update('job', uuid, { status: 'Completed' });
  await world.sm8Update('job', uuid, { invoice_sent: 1 });
}

export async function stripeInvoices(world: World): Promise<Stripe.Invoice[]> {
  return world.calm(() => world.stripeApi.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 }));
}

/** The job a Stripe invoice names (metadata, as the invoices pair writes it). */
export const jobOf = (invoice: Stripe.Invoice): string | undefined => invoice.metadata?.servicem8_job_uuid ?? undefined;

/** "110.0000" → 11000 by string surgery (independent of the app's money code); null when not a decimal. */
export function cents(text: unknown): number | null {
  const raw = typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!match) return null;
  const value = Number(match[2]) * 100 + Number(`${match[3] ?? ''}00`.slice(0, 2));
  return match[1] ? -value : value;
}

export const money = (value: number): string =>
  `${value < 0 ? '-' : ''}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, '0')}`;
