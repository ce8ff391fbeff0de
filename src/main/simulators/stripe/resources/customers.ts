// /v1/customers: create (with tax_id_data), retrieve (a deleted id returns the
// deleted stub), update (metadata merge), list (exact case-sensitive `email`,
// `created`), delete → deleted stub and `customer.deleted`.
import { changedAttributes, type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { applyMetadata } from '../metadata';
import { emptyAddress, newCustomer, type Address, type CustomerObject } from '../objects/customer';
import { allowOnly, asObject, list, nullableStr, obj, oneOf, str } from '../params';
import { render } from '../render';
import { insertTaxId, validateTaxId } from './tax-ids';

const WRITABLE = [
  'address',
  'description',
  'email',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'phone',
  'preferred_locales',
  'tax_exempt',
  'next_invoice_sequence',
];
const ADDRESS_KEYS = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'];

export function requireCustomer(ctx: SimContext, id: string, param = 'id'): CustomerObject {
  if (ctx.store.deletedCustomers.has(id)) throw SimError.missing('customer', id, param);
  return ctx.store.customers.require(id, param) as CustomerObject;
}

function applyCustomerParams(customer: CustomerObject, params: FormObject): void {
  const email = nullableStr(params, 'email');
  if (email !== undefined) {
    if (email !== null && (email.length > 512 || !/^[^\s@]+@[^\s@]+$/.test(email))) {
      throw SimError.invalid(`Invalid email address: ${email}`, 'email', 'email_invalid');
    }
    customer.email = email;
  }
  for (const key of ['name', 'phone', 'description'] as const) {
    const value = nullableStr(params, key);
    if (value !== undefined) customer[key] = value;
  }
  if (params.address !== undefined) customer.address = readAddress(params);
  const prefix = str(params, 'invoice_prefix');
  if (prefix !== undefined) {
    if (!/^[A-Z0-9]{1,12}$/.test(prefix))
      throw SimError.invalid('Invoice prefix must be 1–12 uppercase letters or numbers.', 'invoice_prefix');
    customer.invoice_prefix = prefix;
  }
  const exempt = oneOf(params, 'tax_exempt', ['none', 'exempt', 'reverse'] as const);
  if (exempt) customer.tax_exempt = exempt;
  const locales = list(params, 'preferred_locales');
  if (locales) customer.preferred_locales = locales;
  const settings = obj(params, 'invoice_settings');
  if (settings) {
    allowOnly(settings, ['custom_fields', 'default_payment_method', 'footer'], 'invoice_settings');
    const current = customer.invoice_settings as Json;
    if (settings.footer !== undefined) current.footer = nullableStr(settings, 'footer') ?? null;
    if (settings.custom_fields !== undefined)
      current.custom_fields = list(settings, 'custom_fields')?.length ? list(settings, 'custom_fields') : null;
  }
  customer.metadata = applyMetadata(customer.metadata, params);
}

function readAddress(params: FormObject): Address | null {
  if (params.address === '') return null;
  const input = obj(params, 'address') ?? {};
  allowOnly(input, ADDRESS_KEYS, 'address');
  const address = emptyAddress();
  for (const key of ADDRESS_KEYS as (keyof Address)[]) address[key] = nullableStr(input, key) ?? null;
  return address;
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...WRITABLE, 'tax_id_data']);
  const customer = newCustomer(store.ids.next('cus', 14), ctx.now(), store.ids.hex(8));
  applyCustomerParams(customer, params);
  const taxIds = (list(params, 'tax_id_data') ?? []).map((entry, i) =>
    validateTaxId(asObject(entry, `tax_id_data[${i}]`), `tax_id_data[${i}]`),
  );
  store.customers.insert(customer);
  ctx.emit('customer.created', customer);
  for (const valid of taxIds) insertTaxId(ctx, customer.id, valid);
  return { body: render(store, customer) };
}

function retrieve(ctx: SimContext): { body: Json } {
  const id = ctx.path.id ?? '';
  if (ctx.store.deletedCustomers.has(id)) return { body: { id, object: 'customer', deleted: true } };
  return { body: render(ctx.store, ctx.store.customers.require(id)) };
}

function update(ctx: SimContext): { body: Json } {
  const customer = requireCustomer(ctx, ctx.path.id ?? '');
  allowOnly(ctx.params, WRITABLE);
  const before = render(ctx.store, customer);
  const draft = structuredClone(customer);
  applyCustomerParams(draft, ctx.params);
  Object.assign(customer, draft);
  const after = render(ctx.store, customer);
  const previous = changedAttributes(before, after);
  if (previous) ctx.emit('customer.updated', customer, previous);
  return { body: after };
}

function remove(ctx: SimContext): { body: Json } {
  const customer = requireCustomer(ctx, ctx.path.id ?? '');
  ctx.store.deletedCustomers.add(customer.id);
  ctx.emit('customer.deleted', customer);
  return { body: { id: customer.id, object: 'customer', deleted: true } };
}

function listCustomers(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'email', 'created', 'test_clock']);
  const email = str(params, 'email');
  const inCreated = createdFilter(params);
  const items = store.customers.newestFirst().filter((c) => {
    const customer = c as CustomerObject;
    return !store.deletedCustomers.has(c.id) && (email === undefined || customer.email === email) && inCreated(customer.created);
  });
  const page = paginate(items, params, '/v1/customers', (id) => store.customers.sortKey(id), 'customer');
  return { body: { ...page, data: page.data.map((c) => render(store, c)) } };
}

export const customerRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/customers', handler: create },
  { method: 'GET', pattern: '/v1/customers', handler: listCustomers },
  { method: 'GET', pattern: '/v1/customers/:id', handler: retrieve },
  { method: 'POST', pattern: '/v1/customers/:id', handler: update },
  { method: 'DELETE', pattern: '/v1/customers/:id', handler: remove },
];
