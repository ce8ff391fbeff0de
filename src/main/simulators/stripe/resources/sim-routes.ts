// Test-only controls under `/_sim/` (authenticated like everything else, never
// under /v1; form or JSON bodies): pay an invoice by card as a customer would on
// the hosted page, open and decide disputes, run a payout, take a ServiceM8 card
// payment, read what was emailed, and set or move the simulated clock. Their
// events carry `idempotency_key: null`, like Stripe's automatic events.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { InvoiceObject } from '../objects/invoice';
import { allowOnly, int, requireStr, str } from '../params';
import { render } from '../render';
import { payByCard } from './card-payment';
import { decideDispute, openDispute } from './disputes';
import { requireInvoice } from './invoices';
import { runPayout } from './payouts';
import { createServiceM8Charge } from './servicem8-pay';

export interface SimClock {
  advance(seconds: number): void;
  /** Sets the simulated time (ms); it then runs on with wall time. */
  set(ms: number): void;
  nowMs(): number;
}

function payInvoiceByCard(ctx: SimContext): { body: Json } {
  const invoice: InvoiceObject = requireInvoice(ctx);
  allowOnly(ctx.params, []);
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
    throw SimError.state(`Only open or uncollectible invoices can be paid by card; this invoice is ${invoice.status}.`);
  }
  payByCard(ctx, invoice);
  return { body: render(ctx.store, invoice) };
}

function emails(ctx: SimContext): { body: Json } {
  allowOnly(ctx.params, ['invoice']);
  const invoice = ctx.path.id ?? str(ctx.params, 'invoice');
  const data = ctx.store.emails.filter((e) => invoice === undefined || e.invoice === invoice);
  return { body: { object: 'list', invoice: invoice ?? null, emailed: data.length > 0, data: structuredClone(data) } };
}

function setClock(clock: SimClock) {
  return (ctx: SimContext): { body: Json } => {
    allowOnly(ctx.params, ['now']);
    const raw = requireStr(ctx.params, 'now');
    // An ISO instant with an explicit zone, so the simulated time is never a guess.
    const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(ms)) throw SimError.invalid(`Invalid now: ${raw} (expected an ISO 8601 instant with a zone).`, 'now');
    clock.set(ms);
    return { body: { now: new Date(clock.nowMs()).toISOString() } };
  };
}

export function simRoutes(clock: SimClock): Route[] {
  return [
    { method: 'POST', pattern: '/_sim/invoices/:id/pay_by_card', handler: payInvoiceByCard },
    { method: 'GET', pattern: '/_sim/invoices/:id/emails', handler: emails },
    { method: 'GET', pattern: '/_sim/emails', handler: emails },
    { method: 'POST', pattern: '/_sim/charges/:id/dispute', handler: openDispute },
    { method: 'POST', pattern: '/_sim/disputes/:id/close', handler: decideDispute },
    { method: 'POST', pattern: '/_sim/payouts/run', handler: runPayout },
    { method: 'POST', pattern: '/_sim/servicem8/charges', handler: createServiceM8Charge },
    { method: 'GET', pattern: '/_sim/clock', handler: () => ({ body: { now: new Date(clock.nowMs()).toISOString() } }) },
    { method: 'POST', pattern: '/_sim/clock', handler: setClock(clock) },
    {
      method: 'POST',
      pattern: '/_sim/clock/advance',
      handler: (ctx) => {
        allowOnly(ctx.params, ['seconds']);
        const seconds = int(ctx.params, 'seconds');
        if (seconds === undefined || seconds < 0) throw SimError.missingParam('seconds');
        clock.advance(seconds);
        return { body: { object: 'sim_clock', now: ctx.now() } };
      },
    },
  ];
}
