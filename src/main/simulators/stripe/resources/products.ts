// /v1/products: create (name required), retrieve, update and list (newest first,
// `active` filter). What invoices need of the catalogue: a product an inline
// `price_data` on an invoice line can belong to. Prices, images, features and
// search are not modelled (ASSUMPTIONS.md).
import { changedAttributes, type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { applyMetadata } from '../metadata';
import { newProduct, type ProductObject } from '../objects/product';
import { allowOnly, bool, nullableStr, requireStr, str } from '../params';

const UPDATABLE = ['active', 'description', 'metadata', 'name'];

function applyUpdatable(product: ProductObject, ctx: SimContext): void {
  const { params } = ctx;
  const active = bool(params, 'active');
  if (active !== undefined) product.active = active;
  const name = str(params, 'name');
  if (name !== undefined) {
    if (name === '') throw SimError.invalid('name must not be empty.', 'name');
    product.name = name;
  }
  const description = nullableStr(params, 'description');
  if (description !== undefined) product.description = description;
  product.metadata = applyMetadata(product.metadata, params);
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, UPDATABLE);
  const product = newProduct(store.ids.next('prod', 14), ctx.now(), { name: requireStr(params, 'name') });
  applyUpdatable(product, ctx);
  store.products.insert(product);
  ctx.emit('product.created', product);
  return { body: { ...product } };
}

function update(ctx: SimContext): { body: Json } {
  const product = ctx.store.products.require(ctx.path.id ?? '') as ProductObject;
  allowOnly(ctx.params, UPDATABLE);
  const before = structuredClone(product) as Json;
  const draft = structuredClone(product);
  applyUpdatable(draft, ctx);
  Object.assign(product, draft);
  const previous = changedAttributes(before, product);
  if (previous) {
    product.updated = ctx.now();
    ctx.emit('product.updated', product, previous);
  }
  return { body: { ...product } };
}

function retrieve(ctx: SimContext): { body: Json } {
  return { body: { ...ctx.store.products.require(ctx.path.id ?? '') } };
}

function listProducts(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'active', 'created']);
  const active = bool(params, 'active');
  const inCreated = createdFilter(params);
  const items = store.products
    .newestFirst()
    .filter((p) => (active === undefined || (p as ProductObject).active === active) && inCreated((p as ProductObject).created));
  const page = paginate(items, params, '/v1/products', (id) => store.products.sortKey(id), 'product');
  return { body: { ...page, data: page.data.map((p) => ({ ...p })) } };
}

export const productRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/products', handler: create },
  { method: 'GET', pattern: '/v1/products', handler: listProducts },
  { method: 'GET', pattern: '/v1/products/:id', handler: retrieve },
  { method: 'POST', pattern: '/v1/products/:id', handler: update },
];
