// Read side of payments: invoice payments (filters `invoice`, `payment[type]`,
// `payment[payment_intent]`, `status`), payment intents and charges.
import type { Json, Route, SimContext } from '../context';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import type { InvoicePaymentObject } from '../objects/invoice-payment';
import { allowOnly, obj, str } from '../params';
import { render } from '../render';
import type { Collection, WireObject } from '../store';

function listInvoicePayments(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'invoice', 'payment', 'status', 'created']);
  const invoice = str(params, 'invoice');
  const status = str(params, 'status');
  const payment = obj(params, 'payment') ?? {};
  allowOnly(payment, ['type', 'payment_intent'], 'payment');
  const type = str(payment, 'type');
  const intent = str(payment, 'payment_intent');
  const inCreated = createdFilter(params);
  const candidates = invoice === undefined ? store.invoicePayments.newestFirst() : store.invoicePayments.newestWhere('invoice', invoice);
  const items = (candidates as InvoicePaymentObject[]).filter(
    (p) =>
      (invoice === undefined || p.invoice === invoice) &&
      (status === undefined || p.status === status) &&
      (type === undefined || p.payment.type === type) &&
      (intent === undefined || p.payment.payment_intent === intent) &&
      inCreated(p.created as number),
  );
  const page = paginate(items, params, '/v1/invoice_payments', (id) => store.invoicePayments.sortKey(id), 'invoice_payment');
  return { body: { ...page, data: page.data.map((p) => structuredClone(p)) } };
}

function retrieveFrom(pick: (ctx: SimContext) => Collection<WireObject>) {
  return (ctx: SimContext): { body: Json } => ({ body: render(ctx.store, pick(ctx).require(ctx.path.id ?? '')) });
}

function listFrom(pick: (ctx: SimContext) => Collection<WireObject>, url: string, kind: string, filters: string[]) {
  return (ctx: SimContext): { body: Json } => {
    const { params, store } = ctx;
    allowOnly(params, [...LIST_PARAMS, 'created', ...filters]);
    const wanted = filters.map((key) => [key, str(params, key)] as const).filter(([, value]) => value !== undefined);
    const inCreated = createdFilter(params);
    const collection = pick(ctx);
    const items = collection
      .newestFirst()
      .filter((item) => wanted.every(([key, value]) => item[key] === value) && inCreated(item.created as number));
    const page = paginate(items, params, url, (id) => collection.sortKey(id), kind);
    return { body: { ...page, data: page.data.map((item) => render(store, item)) } };
  };
}

export const paymentRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/invoice_payments', handler: listInvoicePayments },
  { method: 'GET', pattern: '/v1/invoice_payments/:id', handler: retrieveFrom((ctx) => ctx.store.invoicePayments) },
  {
    method: 'GET',
    pattern: '/v1/payment_intents',
    handler: listFrom((ctx) => ctx.store.paymentIntents, '/v1/payment_intents', 'payment_intent', ['customer']),
  },
  { method: 'GET', pattern: '/v1/payment_intents/:id', handler: retrieveFrom((ctx) => ctx.store.paymentIntents) },
  {
    method: 'GET',
    pattern: '/v1/charges',
    handler: listFrom((ctx) => ctx.store.charges, '/v1/charges', 'charge', ['customer', 'payment_intent']),
  },
  { method: 'GET', pattern: '/v1/charges/:id', handler: retrieveFrom((ctx) => ctx.store.charges) },
  {
    method: 'GET',
    pattern: '/v1/refunds',
    handler: listFrom((ctx) => ctx.store.refunds, '/v1/refunds', 'refund', ['charge', 'payment_intent']),
  },
  { method: 'GET', pattern: '/v1/refunds/:id', handler: retrieveFrom((ctx) => ctx.store.refunds) },
  {
    method: 'GET',
    pattern: '/v1/credit_notes',
    handler: listFrom((ctx) => ctx.store.creditNotes, '/v1/credit_notes', 'credit_note', ['customer', 'invoice']),
  },
  { method: 'GET', pattern: '/v1/credit_notes/:id', handler: retrieveFrom((ctx) => ctx.store.creditNotes) },
];
