// add_lines with unit prices (an inline price_data of a product, times a quantity or a
// decimal quantity) and the products it needs, through the SDK: Stripe multiplies and
// rounds per line, a bad entry leaves the draft untouched, a replayed key adds nothing.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
let inclusive: Stripe.TaxRate;
let exclusive: Stripe.TaxRate;
let customer: Stripe.Customer;
let product: Stripe.Product;

beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  inclusive = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU', tax_type: 'gst' });
  exclusive = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: false, country: 'AU', tax_type: 'gst' });
  customer = await stripe.customers.create({ name: 'Harbour View Cafe Pty Ltd', email: 'accounts@harbourviewcafe.com.au' });
  product = await stripe.products.create({ name: 'Job line', metadata: { tag: 'job-line' } });
});
afterAll(() => sim.close());

const draft = () => stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });

describe('add_lines with price_data', () => {
  it('multiplies the unit price by the quantity per line and taxes each line', async () => {
    const invoice = await draft();
    const added = await stripe.invoices.addLines(invoice.id, {
      lines: [
        {
          description: 'Labour',
          price_data: { currency: 'aud', product: product.id, unit_amount_decimal: Stripe.Decimal.from('9800') },
          quantity_decimal: Stripe.Decimal.from('1.5'),
          tax_rates: [exclusive.id],
          metadata: { servicem8_material_uuid: 'm-1' },
        },
        {
          description: 'Parts',
          price_data: { currency: 'aud', product: product.id, unit_amount: 2000 },
          quantity: 2,
          tax_rates: [inclusive.id],
        },
        { description: 'Call-out', amount: 5000, tax_rates: [exclusive.id] },
      ],
    });
    // 98.00 × 1.5 = 147.00 + 10 % = 14.70; 2 × 20.00 = 40.00 inclusive: GST 40.00 − 40.00/1.1 = 3.64; 50.00 + 5.00.
    expect(added.lines.data.map((l) => [l.description, l.amount, String(l.quantity_decimal)])).toEqual([
      ['Labour', 14700, '1.5'],
      ['Parts', 4000, '2'],
      ['Call-out', 5000, '1'],
    ]);
    expect(added.lines.data.map((l) => l.taxes?.[0]?.amount)).toEqual([1470, 364, 500]);
    expect(added).toMatchObject({ subtotal: 23700, total: 25670 });
    const first = added.lines.data[0]!;
    expect(first.metadata).toEqual({ servicem8_material_uuid: 'm-1' });
    expect(first.pricing).toMatchObject({ type: 'price_details', price_details: { product: product.id } });
    expect(String(first.pricing?.unit_amount_decimal)).toBe('9800');
    expect(first.pricing?.price_details?.price).toEqual(expect.stringMatching(/^price_/));
    expect((await stripe.invoices.retrieve(invoice.id)).total).toBe(25670);
  });

  it('refuses a bad entry without touching the draft', async () => {
    const invoice = await draft();
    await stripe.invoices.addLines(invoice.id, { lines: [{ amount: 100 }] });
    const price = (extra: Partial<Stripe.InvoiceAddLinesParams.Line.PriceData> = {}) => ({
      currency: 'aud',
      product: product.id,
      unit_amount: 100,
      ...extra,
    });
    const refusals: [Stripe.InvoiceAddLinesParams.Line, string][] = [
      [{ price_data: price({ product: 'prod_missing' }) }, 'lines[1][price_data][product]'],
      [{ price_data: price({ currency: 'usd' }) }, 'lines[1][price_data][currency]'],
      [{ amount: 100, quantity: 2 }, 'lines[1][quantity]'],
      [{ amount: 100, price_data: price() }, 'lines[1][amount]'],
      [{ price_data: price({ unit_amount: undefined }) }, 'lines[1][price_data][unit_amount]'],
    ];
    for (const [line, param] of refusals) {
      await expect(stripe.invoices.addLines(invoice.id, { lines: [{ amount: 200 }, line] })).rejects.toMatchObject({ param });
    }
    expect((await stripe.invoices.retrieve(invoice.id)).lines.data.map((l) => l.amount)).toEqual([100]);
  });

  it('adds nothing more when the same idempotency key is sent again', async () => {
    const invoice = await draft();
    const params = { lines: [{ price_data: { currency: 'aud', product: product.id, unit_amount: 1000 }, quantity: 3 }] };
    const once = await stripe.invoices.addLines(invoice.id, params, { idempotencyKey: 'add-lines-replay' });
    const again = await stripe.invoices.addLines(invoice.id, params, { idempotencyKey: 'add-lines-replay' });
    expect(again.lines.data.map((l) => l.id)).toEqual(once.lines.data.map((l) => l.id));
    expect((await stripe.invoices.retrieve(invoice.id)).lines.data).toHaveLength(1);
  });
});

describe('products', () => {
  it('creates, lists newest first with the active filter, updates and archives', async () => {
    const other = await stripe.products.create({ name: 'Other', description: 'Not a job line' });
    expect(other).toMatchObject({ object: 'product', active: true, name: 'Other', description: 'Not a job line', metadata: {} });
    expect(other.id).toMatch(/^prod_[0-9A-Za-z]{14}$/);
    const ids = (await stripe.products.list({ limit: 100 })).data.map((p) => p.id);
    expect(ids.indexOf(other.id)).toBeLessThan(ids.indexOf(product.id));
    const archived = await stripe.products.update(other.id, { active: false, metadata: { note: 'old' } });
    expect(archived).toMatchObject({ active: false, metadata: { note: 'old' } });
    expect((await stripe.products.list({ active: true, limit: 100 })).data.map((p) => p.id)).not.toContain(other.id);
    expect((await stripe.products.retrieve(other.id)).active).toBe(false);
    await expect(stripe.products.create({} as Stripe.ProductCreateParams)).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'name',
    });
  });
});
