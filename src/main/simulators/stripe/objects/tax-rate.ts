// Tax rate object with the fixture's keys.
import type { WireObject } from '../store';

export interface TaxRateObject extends WireObject {
  object: 'tax_rate';
  active: boolean;
  percentage: number;
  inclusive: boolean;
  display_name: string;
  metadata: Record<string, string>;
  created: number;
}

export interface TaxRateInit {
  display_name: string;
  percentage: number;
  inclusive: boolean;
  active?: boolean;
  country?: string | null;
  description?: string | null;
  jurisdiction?: string | null;
  state?: string | null;
  tax_type?: string | null;
  metadata?: Record<string, string>;
}

export function newTaxRate(id: string, created: number, init: TaxRateInit): TaxRateObject {
  return {
    id,
    object: 'tax_rate',
    active: init.active ?? true,
    country: init.country ?? null,
    created,
    description: init.description ?? null,
    display_name: init.display_name,
    // Stripe reports the rate that applies; for a plain percentage rate it is the rate itself.
    effective_percentage: init.percentage,
    flat_amount: null,
    inclusive: init.inclusive,
    jurisdiction: init.jurisdiction ?? null,
    jurisdiction_level: null,
    livemode: false,
    metadata: init.metadata ?? {},
    percentage: init.percentage,
    rate_type: 'percentage',
    state: init.state ?? null,
    tax_type: init.tax_type ?? null,
  };
}
