// The one product invoice lines are priced against. Stripe's add_lines takes a unit
// price only as an inline `price_data`, which must belong to a product: this is that
// product, found by our metadata tag (oldest active one first) and created once
// under a fixed key, like the tax rates, so a crash mid-creation never makes two.
import { z } from 'zod';
import { call, listAll, requireKey, type CallContext } from './call';
import { metadata, parseRecord } from './schema-parts';

export const PRODUCT_TAG = 'sm8sync_product';
const LINE_PRODUCT = 'invoice-line';

const productRecord = z
  .object({ id: z.string().startsWith('prod_'), active: z.boolean(), name: z.string(), metadata: metadata.nullable().optional() })
  .transform((p) => ({ id: p.id, active: p.active, name: p.name, metadata: p.metadata ?? {} }));

/** The id of the product ServiceM8 job lines are priced against (found or created). */
export async function ensureLineProduct(ctx: CallContext, idempotencyKey: string): Promise<string> {
  const key = requireKey(idempotencyKey);
  const active = await listAll(ctx, 'products.list', (s) => s.products.list({ active: true, limit: 100 }));
  // Lists are newest first: `.at(-1)` picks the oldest, so the same product wins every time.
  const tagged = active.map((p) => parseRecord(productRecord, p, 'product')).filter((p) => p.metadata[PRODUCT_TAG] === LINE_PRODUCT);
  const found = tagged.at(-1);
  if (found) return found.id;
  const created = await call(ctx, 'products.create', (s) =>
    s.products.create(
      {
        name: 'ServiceM8 job line',
        description: 'Lines of invoices made from ServiceM8 jobs by sm8sync (each line carries its own description and price).',
        metadata: { [PRODUCT_TAG]: LINE_PRODUCT },
      },
      { idempotencyKey: key },
    ),
  );
  return parseRecord(productRecord, created, 'product').id;
}
