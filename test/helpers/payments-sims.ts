// Both simulators in-process for the payments tests, and what a person (or ServiceM8, or
// a card network) does on each side, over HTTP: invoices on both sides, card and cash
// payments, ServiceM8 Pay charges, refunds, disputes. The checks read both sides back
// over HTTP too (ServiceM8 plain JSON, Stripe through the official SDK).
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import {
  startServiceM8Simulator,
  type RunningServiceM8Simulator,
  type ServiceM8SimulatorOptions,
} from '../../src/main/simulators/servicem8/index';
import { startStripeSimulator, type RunningStripeSimulator, type StripeSimulatorOptions } from '../../src/main/simulators/stripe/index';
import type { InvoicePairing } from './payments-engine';
import { ServiceM8Http, STRIPE_KEY, stripeClient, SM8_KEY } from './sides-over-http';

const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';

/** "110.0000" → 11000, by string surgery (an oracle independent of the app's money code). */
export function textCents(text: unknown): number {
  const raw = String(text).trim();
  const negative = raw.startsWith('-');
  const [whole = '0', fraction = ''] = raw.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
  return negative ? -value : value;
}

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export class PaymentSims {
  readonly sm8: ServiceM8Http;
  readonly stripe: Stripe;
  private customer: Promise<string> | null = null;

  private constructor(
    readonly sm8Sim: RunningServiceM8Simulator,
    readonly stripeSim: RunningStripeSimulator,
  ) {
    this.sm8 = new ServiceM8Http(sm8Sim.url);
    this.stripe = stripeClient(stripeSim.url);
  }

  static async start(options: { servicem8?: ServiceM8SimulatorOptions; stripe?: StripeSimulatorOptions } = {}): Promise<PaymentSims> {
    const sm8Sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off', ...options.servicem8 });
    const stripeSim = await startStripeSimulator({ seed: 'none', rateLimits: 'off', ...options.stripe });
    return new PaymentSims(sm8Sim, stripeSim);
  }

  async close(): Promise<void> {
    await Promise.all([this.sm8Sim.close(), this.stripeSim.close()]);
  }

  /** A completed, invoiced ServiceM8 job and its finalized Stripe invoice for the same amount. */
  async addInvoice(totalCents: number): Promise<InvoicePairing> {
    const jobUuid = randomUUID();
    await this.sm8.create('job', { uuid: jobUuid, status: 'Completed', job_description: 'Hot water service', company_uuid: '' });
    await this.sm8.create('jobmaterial', {
      uuid: randomUUID(),
      job_uuid: jobUuid,
      name: 'Labour and parts',
      quantity: '1',
      displayed_amount: money(totalCents),
      displayed_amount_is_tax_inclusive: '1',
      tax_rate_uuid: GST,
    });
    await this.sm8.update('job', jobUuid, { invoice_sent: 1 });
    const job = await this.job(jobUuid);
    this.customer ??= this.stripe.customers.create({ name: 'Harbour View Cafe', email: 'accounts@harbourview.example' }).then((c) => c.id);
    const customer = await this.customer;
    const draft = await this.stripe.invoices.create({
      customer,
      collection_method: 'send_invoice',
      days_until_due: 14,
      metadata: { servicem8_job_uuid: jobUuid },
    });
    await this.stripe.invoiceItems.create({
      customer,
      invoice: draft.id,
      amount: totalCents,
      currency: 'aud',
      description: 'Labour and parts',
    });
    const invoice = await this.stripe.invoices.finalizeInvoice(draft.id);
    return {
      jobUuid,
      jobNumber: String(job.generated_job_id),
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      totalCents,
      at: new Date(invoice.created * 1000).toISOString(),
    };
  }

  async job(uuid: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.sm8Sim.url}/api_1.0/job/${uuid}.json`, { headers: { 'X-API-Key': SM8_KEY } });
    if (!response.ok) throw new Error(`job ${uuid}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Every job payment ServiceM8 holds for a job (inactive ones included). */
  async jobPayments(jobUuid: string): Promise<Record<string, unknown>[]> {
    return (await this.sm8.list('jobpayment')).filter((p) => p.job_uuid === jobUuid);
  }

  async addSm8Payment(jobUuid: string, cents: number, method: string): Promise<string> {
    return this.sm8.create('jobpayment', { uuid: randomUUID(), job_uuid: jobUuid, amount: money(cents), method, note: '' });
  }

  async deleteSm8Payment(uuid: string): Promise<void> {
    const response = await fetch(`${this.sm8Sim.url}/api_1.0/jobpayment/${uuid}.json`, {
      method: 'DELETE',
      headers: { 'X-API-Key': SM8_KEY },
    });
    if (!response.ok) throw new Error(`delete jobpayment: ${response.status}`);
  }

  async stripeSimPost(path: string, body: Record<string, string | number> = {}): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.stripeSim.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${STRIPE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** The customer pays the invoice by card on Stripe's hosted page; returns the charge id. */
  async payByCard(invoiceId: string): Promise<string> {
    await this.stripeSimPost(`/_sim/invoices/${invoiceId}/pay_by_card`);
    const charges = await this.stripe.charges.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
    const invoicePayments = await this.stripe.invoicePayments.list({ invoice: invoiceId });
    const intent = invoicePayments.data.find((p) => p.status === 'paid')?.payment.payment_intent;
    const charge = charges.find((c) => c.payment_intent === intent);
    if (!charge) throw new Error(`no charge for ${invoiceId}`);
    return charge.id;
  }

  /** A card payment ServiceM8 took itself (ServiceM8 Pay), as Stripe shows it; returns the charge id. */
  async servicem8PayCharge(
    job: InvoicePairing,
    cents: number,
    style: 'servicem8_pay' | 'legacy_stripe_addon' = 'servicem8_pay',
  ): Promise<string> {
    const charge = await this.stripeSimPost('/_sim/servicem8/charges', {
      job_number: job.jobNumber,
      job_uuid: job.jobUuid,
      amount: cents,
      style,
    });
    return String(charge.id);
  }

  /** Money received on each side, to the cent: ServiceM8's active job payments; Stripe's invoice payments and ServiceM8 Pay charges less refunds. */
  async revenue(): Promise<{ servicem8: number; stripe: number }> {
    const sm8 = (await this.sm8.list('jobpayment')).filter((p) => Number(p.active) === 1).reduce((sum, p) => sum + textCents(p.amount), 0);
    const invoices = await this.stripe.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
    const charges = await this.stripe.charges.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
    const servicem8Pay = charges.filter((c) => c.metadata.servicem8_job_uuid || c.metadata.job_uuid);
    // An invoice settled because ServiceM8 Pay took the money: the charge is the money, the invoice only says it is paid.
    const paidByServiceM8Pay = new Set(servicem8Pay.map((c) => c.metadata.servicem8_job_uuid || c.metadata.job_uuid));
    const paidInvoices = invoices
      .filter((i) => !paidByServiceM8Pay.has(i.metadata?.servicem8_job_uuid ?? ''))
      .reduce((sum, i) => sum + i.amount_paid, 0);
    const withoutInvoice = servicem8Pay.reduce((sum, c) => sum + c.amount, 0);
    const refunded = charges.reduce((sum, c) => sum + c.amount_refunded, 0);
    return { servicem8: sm8, stripe: paidInvoices + withoutInvoice - refunded };
  }

  /** How many times Stripe says this invoice was paid (its invoice.paid events). */
  async timesPaid(invoiceId: string): Promise<number> {
    const events = await this.stripe.events.list({ type: 'invoice.paid', limit: 100 }).autoPagingToArray({ limit: 10_000 });
    return events.filter((e) => (e.data.object as { id?: string }).id === invoiceId).length;
  }
}
