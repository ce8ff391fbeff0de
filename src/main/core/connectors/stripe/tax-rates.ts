// Tax rates, found by our own metadata tag (`sm8sync_tax_rate: <code>`) so a rate
// is created once and never twice ("GST 10%" twice would split reports). An
// untagged rate with the same display name, percentage and behaviour (made by
// hand, or by an earlier version) is adopted and tagged instead of duplicated.
// Rates are immutable in Stripe: a tagged rate whose percentage differs is an
// error to show, never something to edit.
import { call, listAll, requireKey, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { taxRateRecord, type StripeTaxRateRecord } from './schemas';
import { parseRecord } from './schema-parts';

export const TAX_RATE_TAG = 'sm8sync_tax_rate';

export interface TaxRateSpec {
  /** Our stable name for the rate, stored in metadata (e.g. "gst-10-inclusive"). */
  code: string;
  displayName: string;
  percentage: number;
  inclusive: boolean;
  description?: string;
}

export const GST_INCLUSIVE: TaxRateSpec = {
  code: 'gst-10-inclusive',
  displayName: 'GST',
  percentage: 10,
  inclusive: true,
  description: 'GST 10% (inclusive)',
};
export const GST_EXCLUSIVE: TaxRateSpec = {
  code: 'gst-10-exclusive',
  displayName: 'GST',
  percentage: 10,
  inclusive: false,
  description: 'GST 10% (exclusive)',
};

export interface GstRates {
  inclusive: StripeTaxRateRecord;
  exclusive: StripeTaxRateRecord;
}

export async function listTaxRates(ctx: CallContext, filter: { active?: boolean } = {}): Promise<StripeTaxRateRecord[]> {
  const all = await listAll(ctx, 'taxRates.list', (s) =>
    s.taxRates.list({ limit: 100, ...(filter.active === undefined ? {} : { active: filter.active }) }),
  );
  return all.map((r) => parseRecord(taxRateRecord, r, 'tax rate'));
}

/** The active rate carrying `metadata[key] = value` (the oldest when several do), or null. */
export async function findTaxRateByMetadata(ctx: CallContext, key: string, value: string): Promise<StripeTaxRateRecord | null> {
  return (await listTaxRates(ctx, { active: true })).filter((r) => r.metadata[key] === value).at(-1) ?? null;
}

function matches(rate: StripeTaxRateRecord, spec: TaxRateSpec): boolean {
  return rate.percentage === spec.percentage && rate.inclusive === spec.inclusive;
}

async function ensureFrom(ctx: CallContext, active: StripeTaxRateRecord[], spec: TaxRateSpec, key: string): Promise<StripeTaxRateRecord> {
  // Lists are newest first: `.at(-1)` picks the oldest, so the same rate wins every time.
  const tagged = active.filter((r) => r.metadata[TAX_RATE_TAG] === spec.code).at(-1);
  if (tagged) {
    if (!matches(tagged, spec))
      throw new StripeConnectorError(
        'validation',
        `Stripe tax rate ${tagged.id} is tagged ${spec.code} but is ${tagged.percentage}% ${tagged.inclusive ? 'inclusive' : 'exclusive'}.`,
        { code: 'tax_rate_mismatch' },
      );
    return tagged;
  }
  const adoptable = active
    .filter(
      (r) =>
        matches(r, spec) && r.displayName === spec.displayName && (r.country === 'AU' || r.country === null) && !r.metadata[TAX_RATE_TAG],
    )
    .at(-1);
  if (adoptable) {
    const updated = await call(ctx, 'taxRates.update', (s) =>
      s.taxRates.update(adoptable.id, { metadata: { [TAX_RATE_TAG]: spec.code } }, { idempotencyKey: `${key}:tag` }),
    );
    return parseRecord(taxRateRecord, updated, 'tax rate');
  }
  const created = await call(ctx, 'taxRates.create', (s) =>
    s.taxRates.create(
      {
        display_name: spec.displayName,
        percentage: spec.percentage,
        inclusive: spec.inclusive,
        country: 'AU',
        jurisdiction: 'AU',
        tax_type: 'gst',
        ...(spec.description ? { description: spec.description } : {}),
        metadata: { [TAX_RATE_TAG]: spec.code },
      },
      { idempotencyKey: key },
    ),
  );
  return parseRecord(taxRateRecord, created, 'tax rate');
}

/** Finds (by tag), adopts or creates the rate for `spec`. */
export async function ensureTaxRate(ctx: CallContext, spec: TaxRateSpec, idempotencyKey: string): Promise<StripeTaxRateRecord> {
  const key = requireKey(idempotencyKey);
  return ensureFrom(ctx, await listTaxRates(ctx, { active: true }), spec, key);
}

/** Finds or creates both GST rates. The key is suffixed per variant. */
export async function ensureGstRates(ctx: CallContext, idempotencyKey: string): Promise<GstRates> {
  const key = requireKey(idempotencyKey);
  const active = await listTaxRates(ctx, { active: true });
  return {
    inclusive: await ensureFrom(ctx, active, GST_INCLUSIVE, `${key}:gst-inclusive`),
    exclusive: await ensureFrom(ctx, active, GST_EXCLUSIVE, `${key}:gst-exclusive`),
  };
}
