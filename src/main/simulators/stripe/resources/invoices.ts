// /v1/invoices CRUD: create a draft (optionally pulling the customer's pending
// items), retrieve, update within what the status allows, list with filters,
// delete drafts only, and list lines.
import { changedAttributes, type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import { recomputeInvoice } from '../invoice-totals';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import type { CustomerObject } from '../objects/customer';
import { newInvoice, type InvoiceObject } from '../objects/invoice';
import type { InvoiceItemObject } from '../objects/invoice-item';
import { allowOnly, oneOf, str } from '../params';
import { invoiceLines, render } from '../render';
import { INVOICE_FIELDS, applyInvoiceFields, checkEditable } from './invoice-fields';
import { attachItem } from './invoice-items';
import { snapshotCustomer } from './invoice-snapshot';

export function requireInvoice(ctx: SimContext): InvoiceObject {
  return ctx.store.invoices.require(ctx.path.id ?? '') as InvoiceObject;
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...INVOICE_FIELDS, 'customer', 'currency', 'pending_invoice_items_behavior']);
  const customerId = str(params, 'customer');
  if (!customerId) throw SimError.missingParam('customer');
  if (!store.customers.get(customerId) || store.deletedCustomers.has(customerId)) {
    throw SimError.invalid(`No such customer: '${customerId}'`, 'customer', 'resource_missing');
  }
  // A missing customer named in a param is a 400 (above), not requireCustomer's 404.
  const customer = store.customers.get(customerId) as CustomerObject;
  const behavior = oneOf(params, 'pending_invoice_items_behavior', ['exclude', 'include'] as const) ?? 'exclude';
  const currency = (str(params, 'currency') ?? 'aud').toLowerCase();
  const invoice = newInvoice(store.ids.next('in'), ctx.now(), customer.id, currency);
  applyInvoiceFields(ctx, invoice);
  snapshotCustomer(ctx, invoice, customer);
  store.invoices.insert(invoice);
  if (behavior === 'include') {
    for (const item of store.invoiceItems.where('customer', customer.id) as InvoiceItemObject[]) {
      if (item.invoice === null && item.currency === currency) attachItem(ctx, item, invoice);
    }
  }
  recomputeInvoice(store, invoice);
  ctx.emit('invoice.created', invoice);
  return { body: render(store, invoice) };
}

function retrieve(ctx: SimContext): { body: Json } {
  return { body: render(ctx.store, requireInvoice(ctx)) };
}

function update(ctx: SimContext): { body: Json } {
  const invoice = requireInvoice(ctx);
  allowOnly(ctx.params, INVOICE_FIELDS);
  checkEditable(invoice, ctx.params);
  const before = render(ctx.store, invoice);
  const draft = structuredClone(invoice);
  applyInvoiceFields(ctx, draft);
  Object.assign(invoice, draft);
  if (invoice.status === 'draft') recomputeInvoice(ctx.store, invoice);
  const after = render(ctx.store, invoice);
  const previous = changedAttributes(before, after);
  if (previous) ctx.emit('invoice.updated', invoice, previous);
  return { body: after };
}

function remove(ctx: SimContext): { body: Json } {
  const invoice = requireInvoice(ctx);
  if (invoice.status !== 'draft') throw SimError.state('You can only delete draft invoices.', 'invoice_not_editable');
  for (const line of invoiceLines(ctx.store, invoice.id)) ctx.store.lines.remove(line.id);
  for (const item of ctx.store.invoiceItems.inOrder()) {
    if (item.invoice === invoice.id) ctx.store.invoiceItems.remove(item.id);
  }
  ctx.store.invoices.remove(invoice.id);
  ctx.emit('invoice.deleted', invoice);
  return { body: { id: invoice.id, object: 'invoice', deleted: true } };
}

function listInvoices(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'customer', 'status', 'collection_method', 'created', 'due_date']);
  const customer = str(params, 'customer');
  const status = oneOf(params, 'status', ['draft', 'open', 'paid', 'uncollectible', 'void'] as const);
  const method = str(params, 'collection_method');
  const inCreated = createdFilter(params);
  const inDue = createdFilter(params, 'due_date');
  // By customer through the index: the sync lists one customer's invoices at a time.
  const candidates = customer === undefined ? store.invoices.newestFirst() : store.invoices.newestWhere('customer', customer);
  const items = (candidates as InvoiceObject[]).filter(
    (i) =>
      (customer === undefined || i.customer === customer) &&
      (status === undefined || i.status === status) &&
      (method === undefined || i.collection_method === method) &&
      inCreated(i.created) &&
      (params.due_date === undefined || (i.due_date !== null && inDue(i.due_date))),
  );
  const page = paginate(items, params, '/v1/invoices', (id) => store.invoices.sortKey(id), 'invoice');
  return { body: { ...page, data: page.data.map((i) => render(store, i)) } };
}

function listLines(ctx: SimContext): { body: Json } {
  const invoice = requireInvoice(ctx);
  allowOnly(ctx.params, [...LIST_PARAMS]);
  const lines = invoiceLines(ctx.store, invoice.id);
  // Lines keep the invoice's order; the cursor compares insertion positions.
  const order = new Map(lines.map((line, index) => [line.id, index]));
  const keyOf = (id: string) => (order.has(id) ? ([0, -(order.get(id) ?? 0)] as const) : undefined);
  const page = paginate(lines, ctx.params, `/v1/invoices/${invoice.id}/lines`, keyOf, 'line_item');
  return { body: { ...page, data: page.data.map((l) => structuredClone(l)) } };
}

export const invoiceRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/invoices', handler: create },
  { method: 'GET', pattern: '/v1/invoices', handler: listInvoices },
  { method: 'GET', pattern: '/v1/invoices/:id', handler: retrieve },
  { method: 'POST', pattern: '/v1/invoices/:id', handler: update },
  { method: 'DELETE', pattern: '/v1/invoices/:id', handler: remove },
  { method: 'GET', pattern: '/v1/invoices/:id/lines', handler: listLines },
];
