// Product object (`prod_`) with Stripe's keys. The simulator keeps products only as
// what an inline `price_data` names: no prices of their own, no catalogue features.
import type { WireObject } from '../store';

export interface ProductObject extends WireObject {
  object: 'product';
  active: boolean;
  name: string;
  description: string | null;
  metadata: Record<string, string>;
  created: number;
  updated: number;
}

export function newProduct(
  id: string,
  created: number,
  init: { name: string; active?: boolean; description?: string | null },
): ProductObject {
  return {
    id,
    object: 'product',
    active: init.active ?? true,
    created,
    default_price: null,
    description: init.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: init.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: created,
    url: null,
  };
}
