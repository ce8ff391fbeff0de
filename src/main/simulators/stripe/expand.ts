// `expand[]`: replaces ids with objects (`customer`), adds includable fields
// (`payments`, `tax_ids`), walks nested paths (`customer.tax_ids`) and list items
// (`data.customer`). Depth is limited to 4 levels, as Stripe documents.
import type { Json } from './context';
import { SimError } from './errors';
import type { FormObject } from './form-body';
import { stringList } from './params';
import { includable, render } from './render';
import type { SimStore } from './store';

const MAX_DEPTH = 4;

export function expandPaths(params: FormObject): string[] {
  return stringList(params, 'expand') ?? [];
}

export function applyExpand(store: SimStore, json: Json, paths: string[]): Json {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH)
      throw SimError.invalid(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, 'expand');
    expandAt(store, json, segments, path);
  }
  return json;
}

function expandAt(store: SimStore, json: Json, segments: string[], path: string): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  if (json.object === 'list' && field === 'data' && Array.isArray(json.data)) {
    for (const item of json.data as Json[]) expandAt(store, item, rest, path);
    return;
  }
  const extra = includable(store, json, field);
  if (extra) {
    json[field] = extra;
    if (rest.length > 0) expandAt(store, extra, rest, path);
    return;
  }
  const value = json[field];
  if (typeof value === 'string') {
    const target = store.findById(value);
    if (!target) throw SimError.invalid(`This property cannot be expanded (${field}).`, 'expand');
    const expanded = render(store, target);
    json[field] = expanded;
    if (rest.length > 0) expandAt(store, expanded, rest, path);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && rest.length > 0) {
    expandAt(store, value as Json, rest, path);
    return;
  }
  if (value === null) return;
  throw SimError.invalid(`This property cannot be expanded (${path}).`, 'expand');
}
