// GST tax rates: find the active 10 % "GST" rates for AU (inclusive and
// exclusive), creating whichever is missing. Rates are immutable in Stripe, so a
// rate with the wrong percentage is never edited, only left alone.
import { call, listAll, requireKey, type CallContext } from './call';
import { taxRateRecord, type StripeTaxRateRecord } from './schemas';

export interface GstRates {
  inclusive: StripeTaxRateRecord;
  exclusive: StripeTaxRateRecord;
}

export async function listTaxRates(ctx: CallContext, filter: { active?: boolean } = {}): Promise<StripeTaxRateRecord[]> {
  const all = await listAll(ctx, 'taxRates.list', (s) =>
    s.taxRates.list({ limit: 100, ...(filter.active === undefined ? {} : { active: filter.active }) }),
  );
  return all.map((r) => taxRateRecord.parse(r));
}

function isGst(rate: StripeTaxRateRecord, inclusive: boolean): boolean {
  return (
    rate.active &&
    rate.inclusive === inclusive &&
    rate.percentage === 10 &&
    rate.displayName === 'GST' &&
    (rate.country === 'AU' || rate.country === null)
  );
}

/** Finds or creates both GST rates. The key is suffixed per variant. */
export async function ensureGstRates(ctx: CallContext, idempotencyKey: string): Promise<GstRates> {
  const key = requireKey(idempotencyKey);
  const active = await listTaxRates(ctx, { active: true });
  const pick = async (inclusive: boolean): Promise<StripeTaxRateRecord> => {
    // Oldest first, so the same rate is chosen every time when duplicates exist.
    const existing = active.filter((r) => isGst(r, inclusive)).at(-1);
    if (existing) return existing;
    const created = await call(ctx, 'taxRates.create', (s) =>
      s.taxRates.create(
        {
          display_name: 'GST',
          percentage: 10,
          inclusive,
          country: 'AU',
          jurisdiction: 'AU',
          tax_type: 'gst',
          description: inclusive ? 'GST 10% (inclusive)' : 'GST 10% (exclusive)',
        },
        { idempotencyKey: `${key}:gst-${inclusive ? 'inclusive' : 'exclusive'}` },
      ),
    );
    return taxRateRecord.parse(created);
  };
  return { inclusive: await pick(true), exclusive: await pick(false) };
}
