// Resolves `tax_rates[]` / `default_tax_rates[]` params (txr ids) into copies of
// the rate objects, as invoice items and invoices embed them.
import type { SimContext } from '../context';
import { SimError } from '../errors';
import type { TaxRateObject } from '../objects/tax-rate';
import { stringList } from '../params';

const MAX_RATES = 5;

export function resolveTaxRates(ctx: SimContext, param: string): TaxRateObject[] | undefined {
  const ids = stringList(ctx.params, param);
  if (ids === undefined) return undefined;
  if (ids.length > MAX_RATES) throw SimError.invalid(`You can pass at most ${MAX_RATES} tax rates.`, param);
  return ids.map((id, index) => {
    const rate = ctx.store.taxRates.get(id) as TaxRateObject | undefined;
    if (!rate) throw SimError.invalid(`No such tax rate: '${id}'`, `${param}[${index}]`, 'resource_missing');
    if (!rate.active) throw SimError.invalid(`Tax rate '${id}' is archived and cannot be added to new lines.`, `${param}[${index}]`);
    return structuredClone(rate);
  });
}
