// The Stripe simulator's collections: list order kept without a sort per request,
// and the field indexes behind per-invoice / per-customer lookups, against a plain
// sort and filter over everything (what the collections did before).
import { describe, expect, it } from 'vitest';
import { SimStore, type WireObject } from '../../src/main/simulators/stripe/store';

const ids = (objects: WireObject[]) => objects.map((o) => o.id);

describe('simulator collections', () => {
  it('lists newest first (created, then insertion) and in insertion order, whatever order created arrives in', () => {
    const store = new SimStore(1);
    const plain: { obj: WireObject; seq: number }[] = [];
    const created = [100, 100, 105, 103, 105, 99, 110, 110];
    created.forEach((at, n) => {
      const obj = { id: `in_${n}`, object: 'invoice', created: at, customer: `cus_${n % 3}` };
      store.invoices.insert(obj);
      plain.push({ obj, seq: n });
      if (n === 4) store.invoices.newestFirst(); // a list between inserts keeps working
    });
    const oracle = () =>
      [...plain].sort((a, b) => (b.obj.created as number) - (a.obj.created as number) || b.seq - a.seq).map((e) => e.obj.id);
    expect(ids(store.invoices.newestFirst())).toEqual(oracle());
    expect(ids(store.invoices.inOrder())).toEqual(plain.map((e) => e.obj.id));
    store.invoices.remove('in_2');
    plain.splice(2, 1);
    expect(ids(store.invoices.newestFirst())).toEqual(oracle());
  });

  it('answers where/newestWhere as a filter over everything would, after inserts and removals', () => {
    const store = new SimStore(1);
    for (let n = 0; n < 12; n += 1) store.lines.insert({ id: `il_${n}`, object: 'line_item', invoice: `in_${n % 4}`, created: 50 - n });
    expect(ids(store.lines.where('invoice', 'in_1'))).toEqual(['il_1', 'il_5', 'il_9']);
    store.lines.insert({ id: 'il_x', object: 'line_item', invoice: 'in_1', created: 60 });
    store.lines.remove('il_5');
    const filtered = (id: string) => store.lines.inOrder().filter((l) => l.invoice === id);
    expect(ids(store.lines.where('invoice', 'in_1'))).toEqual(ids(filtered('in_1')));
    expect(ids(store.lines.newestWhere('invoice', 'in_1'))).toEqual(ids(store.lines.newestFirst().filter((l) => l.invoice === 'in_1')));
    expect(store.lines.where('invoice', 'in_none')).toEqual([]);
  });
});
