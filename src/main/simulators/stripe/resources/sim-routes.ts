// Test-only controls under `/_sim/` (authenticated like everything else, never
// under /v1): pay an invoice by card as a customer would on the hosted page, and
// move the simulator's clock forward. Their events carry `idempotency_key: null`,
// like Stripe's automatic events.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { InvoiceObject } from '../objects/invoice';
import { allowOnly, int } from '../params';
import { render } from '../render';
import { payByCard } from './card-payment';
import { requireInvoice } from './invoices';

export interface SimClock {
  advance(seconds: number): void;
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

export function simRoutes(clock: SimClock): Route[] {
  return [
    { method: 'POST', pattern: '/_sim/invoices/:id/pay_by_card', handler: payInvoiceByCard },
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
