// /v1/tax_rates: `display_name`, `percentage` (≤4 decimals) and `inclusive` are
// required on create; `percentage` and `inclusive` are not update params, so an
// update that sends them is `parameter_unknown`. No delete: archive with active=false.
import { changedAttributes, type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { applyMetadata } from '../metadata';
import { newTaxRate, type TaxRateObject } from '../objects/tax-rate';
import { allowOnly, bool, nullableStr, requireStr, str } from '../params';

const UPDATABLE = ['active', 'country', 'description', 'display_name', 'jurisdiction', 'metadata', 'state', 'tax_type'];

function readPercentage(text: string): number {
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text))
    throw SimError.invalid('Invalid decimal: percentage must have at most 4 decimal places.', 'percentage');
  const value = Number(text);
  if (value < 0 || value > 100) throw SimError.invalid('percentage must be between 0 and 100.', 'percentage');
  return value;
}

function applyUpdatable(rate: TaxRateObject, ctx: SimContext): void {
  const { params } = ctx;
  const active = bool(params, 'active');
  if (active !== undefined) rate.active = active;
  const displayName = str(params, 'display_name');
  if (displayName !== undefined) {
    if (displayName === '' || displayName.length > 50) throw SimError.invalid('display_name must be 1–50 characters.', 'display_name');
    rate.display_name = displayName;
  }
  for (const key of ['country', 'description', 'jurisdiction', 'state', 'tax_type'] as const) {
    const value = nullableStr(params, key);
    if (value !== undefined) rate[key] = value;
  }
  rate.metadata = applyMetadata(rate.metadata, params);
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...UPDATABLE, 'percentage', 'inclusive']);
  const displayName = requireStr(params, 'display_name');
  const percentage = readPercentage(requireStr(params, 'percentage'));
  const inclusive = bool(params, 'inclusive');
  if (inclusive === undefined) throw SimError.missingParam('inclusive');
  const rate = newTaxRate(store.ids.next('txr'), ctx.now(), { display_name: displayName, percentage, inclusive });
  applyUpdatable(rate, ctx);
  store.taxRates.insert(rate);
  ctx.emit('tax_rate.created', rate);
  return { body: { ...rate } };
}

function update(ctx: SimContext): { body: Json } {
  const rate = ctx.store.taxRates.require(ctx.path.id ?? '') as TaxRateObject;
  allowOnly(ctx.params, UPDATABLE);
  const before = structuredClone(rate) as Json;
  const draft = structuredClone(rate);
  applyUpdatable(draft, ctx);
  Object.assign(rate, draft);
  const previous = changedAttributes(before, rate);
  if (previous) ctx.emit('tax_rate.updated', rate, previous);
  return { body: { ...rate } };
}

function retrieve(ctx: SimContext): { body: Json } {
  return { body: { ...ctx.store.taxRates.require(ctx.path.id ?? '') } };
}

function listRates(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'active', 'inclusive', 'created']);
  const active = bool(params, 'active');
  const inclusive = bool(params, 'inclusive');
  const inCreated = createdFilter(params);
  const items = store.taxRates.newestFirst().filter((r) => {
    const rate = r as TaxRateObject;
    return (
      (active === undefined || rate.active === active) &&
      (inclusive === undefined || rate.inclusive === inclusive) &&
      inCreated(rate.created)
    );
  });
  const page = paginate(items, params, '/v1/tax_rates', (id) => store.taxRates.sortKey(id), 'tax_rate');
  return { body: { ...page, data: page.data.map((r) => ({ ...r })) } };
}

export const taxRateRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/tax_rates', handler: create },
  { method: 'GET', pattern: '/v1/tax_rates', handler: listRates },
  { method: 'GET', pattern: '/v1/tax_rates/:id', handler: retrieve },
  { method: 'POST', pattern: '/v1/tax_rates/:id', handler: update },
];
