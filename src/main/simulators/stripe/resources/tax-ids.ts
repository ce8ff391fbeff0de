// /v1/customers/{id}/tax_ids: create, list, retrieve, delete. `au_abn` must be 11
// digits (spaces allowed, as people type ABNs), otherwise 400 `tax_id_invalid`.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { LIST_PARAMS, paginate } from '../list';
import { newTaxId, type TaxIdObject } from '../objects/customer';
import { allowOnly, requireStr } from '../params';
import { requireCustomer } from './customers';

const FORMATS: Record<string, { pattern: RegExp; country: string; normalise: (v: string) => string }> = {
  au_abn: { pattern: /^\d{11}$/, country: 'AU', normalise: (v) => v.replace(/\s+/g, '') },
  au_arn: { pattern: /^\d{12}$/, country: 'AU', normalise: (v) => v.replace(/\s+/g, '') },
  nz_gst: { pattern: /^\d{8,9}$/, country: 'NZ', normalise: (v) => v.replace(/[\s-]+/g, '') },
  eu_vat: { pattern: /^[A-Z]{2}[0-9A-Z]{2,13}$/, country: '', normalise: (v) => v.replace(/\s+/g, '').toUpperCase() },
};

export interface ValidTaxId {
  type: string;
  value: string;
  country: string;
}

/** Checks a `{type, value}` pair before anything is written. */
export function validateTaxId(input: FormObject, prefix = ''): ValidTaxId {
  allowOnly(input, ['type', 'value'], prefix);
  const type = requireStr(input, 'type');
  const raw = requireStr(input, 'value');
  const format = FORMATS[type];
  if (!format)
    throw SimError.invalid(
      `Invalid value for type: ${type} is not a supported tax id type in the simulator.`,
      prefix ? `${prefix}[type]` : 'type',
    );
  const value = format.normalise(raw);
  if (!format.pattern.test(value)) {
    throw SimError.invalid(`Invalid value for ${type}.`, prefix ? `${prefix}[value]` : 'value', 'tax_id_invalid');
  }
  return { type, value, country: format.country || value.slice(0, 2) };
}

export function insertTaxId(ctx: SimContext, customerId: string, valid: ValidTaxId): TaxIdObject {
  const taxId = newTaxId(ctx.store.ids.next('txi'), ctx.now(), customerId, valid.type, valid.value, valid.country);
  ctx.store.taxIds.insert(taxId);
  ctx.emit('customer.tax_id.created', taxId);
  return taxId;
}

function create(ctx: SimContext): { body: Json } {
  const customer = requireCustomer(ctx, ctx.path.id ?? '');
  return { body: { ...insertTaxId(ctx, customer.id, validateTaxId(ctx.params)) } };
}

function requireOwn(ctx: SimContext): TaxIdObject {
  const customer = requireCustomer(ctx, ctx.path.id ?? '');
  const taxId = ctx.store.taxIds.get(ctx.path.tax_id ?? '') as TaxIdObject | undefined;
  if (!taxId || taxId.customer !== customer.id) throw SimError.missing('tax_id', ctx.path.tax_id ?? '');
  return taxId;
}

function retrieve(ctx: SimContext): { body: Json } {
  return { body: { ...requireOwn(ctx) } };
}

function remove(ctx: SimContext): { body: Json } {
  const taxId = requireOwn(ctx);
  ctx.store.taxIds.remove(taxId.id);
  ctx.emit('customer.tax_id.deleted', taxId);
  return { body: { id: taxId.id, object: 'tax_id', deleted: true } };
}

function listTaxIds(ctx: SimContext): { body: Json } {
  const customer = requireCustomer(ctx, ctx.path.id ?? '');
  allowOnly(ctx.params, [...LIST_PARAMS]);
  const items = ctx.store.taxIds.newestWhere('customer', customer.id);
  const page = paginate(items, ctx.params, `/v1/customers/${customer.id}/tax_ids`, (id) => ctx.store.taxIds.sortKey(id), 'tax_id');
  return { body: { ...page, data: page.data.map((t) => ({ ...t })) } };
}

export const taxIdRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/customers/:id/tax_ids', handler: create },
  { method: 'GET', pattern: '/v1/customers/:id/tax_ids', handler: listTaxIds },
  { method: 'GET', pattern: '/v1/customers/:id/tax_ids/:tax_id', handler: retrieve },
  { method: 'DELETE', pattern: '/v1/customers/:id/tax_ids/:tax_id', handler: remove },
];
