import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/main/core/sync/engine/change-feed';
import { findOverwrites } from '../../src/main/core/sync/kit/overwrites';

const event = (
  n: number,
  id: string,
  object: Record<string, unknown>,
  previous: Record<string, unknown>,
  key: string | null,
): FeedEvent => ({
  id: `evt_${n}`,
  type: 'customer.updated',
  createdAt: `2026-11-24T00:00:0${n}.000Z`,
  objectId: id,
  object: { id, ...object },
  previousAttributes: previous,
  idempotencyKey: key,
});

describe('finding our writes that replaced a person’s edit in the same batch', () => {
  it('reports a field a person set that our later write replaced, with both values', () => {
    const found = findOverwrites(
      [
        event(1, 'cus_1', { name: 'C' }, { name: 'A' }, null),
        event(2, 'cus_1', { name: 'B' }, { name: 'C' }, 'sm8sync-7-client-update_customer-x'),
      ],
      ['name', 'phone'],
      ['customer.updated'],
    );
    expect(found).toEqual([{ objectId: 'cus_1', field: 'name', theirs: 'C', ours: 'B', at: '2026-11-24T00:00:02.000Z' }]);
  });

  it('says nothing when our write came first, touched another field, wrote the same value, or another customer was edited', () => {
    expect(
      findOverwrites(
        [
          event(1, 'cus_1', { name: 'B' }, { name: 'A' }, 'sm8sync-7-client-update_customer-x'),
          event(2, 'cus_1', { name: 'C' }, { name: 'B' }, null),
          event(3, 'cus_2', { phone: '+61400000001' }, { phone: null }, null),
          event(4, 'cus_2', { name: 'Z' }, { name: 'Y' }, 'sm8sync-8-client-update_customer-y'),
          event(5, 'cus_3', { email: 'a@b.au' }, { email: null }, null),
          event(6, 'cus_3', { email: 'a@b.au' }, { email: 'a@b.au' }, 'sm8sync-9-client-update_customer-z'),
          event(7, 'cus_4', { name: 'Q' }, { name: 'P' }, null),
          event(8, 'cus_5', { name: 'R' }, { name: 'Q' }, 'sm8sync-9-client-update_customer-w'),
        ],
        ['name', 'phone', 'email'],
        ['customer.updated'],
      ),
    ).toEqual([]);
  });
});
