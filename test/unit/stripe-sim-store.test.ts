// The Stripe simulator's collections: list order kept without a sort per request,
// and the field indexes behind per-invoice / per-customer lookups, against a plain
// sort and filter over everything (what the collections did before).
import { describe, expect, it } from 'vitest';
import { paginate, paginateCollection } from '../../src/main/simulators/stripe/list';
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

describe('paginateCollection', () => {
  it('gives the pages paginate gives over the filtered newest-first list, for every cursor and limit', () => {
    const store = new SimStore(3);
    // Equal and out-of-order `created` values, so ties and rebuilt order are both exercised.
    const created = [5, 5, 7, 6, 7, 7, 4, 9, 9, 8, 10, 10, 10, 3, 11];
    created.forEach((at, n) => store.events.insert({ id: `evt_${n}`, object: 'event', created: at, type: n % 3 === 0 ? 'a' : 'b' }));
    const keyOf = (id: string) => store.events.sortKey(id);
    for (const accept of [() => true, (e: WireObject) => e.type === 'a', (e: WireObject) => e.type === 'b']) {
      const filtered = store.events.newestFirst().filter(accept);
      for (const limit of [1, 2, 3, 5, 100]) {
        const cursors: Record<string, string>[] = [{}];
        for (const { id } of store.events.inOrder()) cursors.push({ starting_after: id }, { ending_before: id });
        for (const cursor of cursors) {
          const params = { limit: String(limit), ...cursor };
          const lazy = paginateCollection(store.events, accept, params, '/v1/events', keyOf, 'event');
          const eager = paginate(filtered, params, '/v1/events', keyOf, 'event');
          expect({ ids: ids(lazy.data), more: lazy.has_more }).toEqual({ ids: ids(eager.data), more: eager.has_more });
        }
      }
    }
    expect(() => paginateCollection(store.events, () => true, { starting_after: 'evt_none' }, '/v1/events', keyOf, 'event')).toThrow(
      /No such event/,
    );
  });
});
