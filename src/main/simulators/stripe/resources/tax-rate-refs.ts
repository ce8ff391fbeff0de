// Resolves `tax_rates[]` / `default_tax_rates[]` params (txr ids) into copies of
// the rate objects, as invoice items and invoices embed them.
import type { SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import type { TaxRateObject } from '../objects/tax-rate';
import { stringList } from '../params';

const MAX_RATES = 5;

/**
 * `source` is where the list sits (the request params, or one entry of `lines[]`);
 * `label` is the param path named in errors.
 */
export function resolveTaxRates(
  ctx: SimContext,
  param: string,
  source: FormObject = ctx.params,
  label = param,
): TaxRateObject[] | undefined {
  const ids = stringList(source, param);
  if (ids === undefined) return undefined;
  if (ids.length > MAX_RATES) throw SimError.invalid(`You can pass at most ${MAX_RATES} tax rates.`, label);
  return ids.map((id, index) => {
    const rate = ctx.store.taxRates.get(id) as TaxRateObject | undefined;
    if (!rate) throw SimError.invalid(`No such tax rate: '${id}'`, `${label}[${index}]`, 'resource_missing');
    if (!rate.active) throw SimError.invalid(`Tax rate '${id}' is archived and cannot be added to new lines.`, `${label}[${index}]`);
    return structuredClone(rate);
  });
}
