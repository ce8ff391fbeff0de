// Stripe tax rates for invoice lines, found by our metadata tag and created once
// (the connector adopts an identical untagged rate instead of making a second "GST 10%").
// Resolved once per process and shared by concurrent writes, so a burst of invoices
// costs one lookup per rate, not one per invoice.
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import type { StripeTaxRateRecord } from '../../connectors/stripe/schemas';
import { rateBpOfPercentage } from './typed-rows';
import type { LineTaxRate } from './build-lines';

export class TaxRateResolver {
  private readonly bySpec = new Map<string, Promise<StripeTaxRateRecord>>();
  private readonly bpById = new Map<string, number | null>();
  private listed: Promise<void> | null = null;

  constructor(private readonly stripe: Pick<StripeConnector, 'ensureTaxRate' | 'listTaxRates'>) {}

  /** The Stripe tax rate id for a line's rate. */
  async idFor(rate: LineTaxRate): Promise<string> {
    let found = this.bySpec.get(rate.code);
    if (!found) {
      found = this.stripe.ensureTaxRate(
        {
          code: rate.code,
          displayName: rate.displayName,
          percentage: Number(rate.percent),
          inclusive: rate.inclusive,
          description:
            rate.percent === '0' ? 'GST-free' : `${rate.displayName} ${rate.percent}% (${rate.inclusive ? 'inclusive' : 'exclusive'})`,
        },
        `sm8sync-taxrate-${rate.code}`,
      );
      this.bySpec.set(rate.code, found);
      found.catch(() => this.bySpec.delete(rate.code));
    }
    const record = await found;
    this.bpById.set(record.id, rateBpOfPercentage(record.percentage));
    return record.id;
  }

  /** A Stripe tax rate's percentage in basis points (listed once when an unknown id turns up). */
  async bpOf(ids: Iterable<string | null>): Promise<(id: string | null) => number | null> {
    const unknown = [...ids].some((id) => id !== null && !this.bpById.has(id));
    if (unknown) {
      this.listed ??= this.stripe.listTaxRates().then((rates) => {
        for (const rate of rates) this.bpById.set(rate.id, rateBpOfPercentage(rate.percentage));
      });
      await this.listed;
      this.listed = null;
    }
    return (id) => (id === null ? 0 : (this.bpById.get(id) ?? null));
  }

  /** A rate's percentage text, for matching a Stripe line to a ServiceM8 tax rate. */
  async percentOf(id: string): Promise<number | null> {
    const bp = (await this.bpOf([id]))(id);
    return bp === null ? null : bp / 100;
  }
}
