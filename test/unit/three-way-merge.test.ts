import { describe, expect, it } from 'vitest';
import { mergeField, type FieldInput } from '../../src/main/core/sync/merge/three-way';

const input = (over: Partial<FieldInput<string | null>>): FieldInput<string | null> => ({
  base: 'a',
  servicem8: 'a',
  stripe: 'a',
  servicem8EditedAt: '2026-11-24T01:00:00.000Z',
  stripeEditedAt: '2026-11-24T02:00:00.000Z',
  winner: 'ask',
  equals: (x, y) => x === y,
  isEmpty: (x) => x === null,
  ...over,
});

describe('three-way merge of one field', () => {
  it('does nothing when both sides agree (even if both changed the same way)', () => {
    expect(mergeField(input({}))).toEqual({ action: 'equal', value: 'a' });
    expect(mergeField(input({ servicem8: 'b', stripe: 'b' }))).toEqual({ action: 'equal', value: 'b' });
  });

  it('copies a one-sided change to the other side', () => {
    expect(mergeField(input({ servicem8: 'b' }))).toMatchObject({ action: 'to_stripe', value: 'b' });
    expect(mergeField(input({ stripe: 'c' }))).toMatchObject({ action: 'to_servicem8', value: 'c' });
    expect(mergeField(input({ stripe: null }))).toMatchObject({ action: 'to_servicem8', value: null });
  });

  it('raises a conflict when both changed differently and the rule is ask', () => {
    expect(mergeField(input({ servicem8: 'b', stripe: 'c' }))).toMatchObject({ action: 'conflict', reason: 'Changed on both sides' });
  });

  it('lets a per-field rule decide a two-sided change', () => {
    expect(mergeField(input({ servicem8: 'b', stripe: 'c', winner: 'servicem8' }))).toMatchObject({ action: 'to_stripe', value: 'b' });
    expect(mergeField(input({ servicem8: 'b', stripe: 'c', winner: 'stripe' }))).toMatchObject({ action: 'to_servicem8', value: 'c' });
    expect(mergeField(input({ servicem8: 'b', stripe: 'c', winner: 'newest' }))).toMatchObject({ action: 'to_servicem8', value: 'c' });
    expect(
      mergeField(input({ servicem8: 'b', stripe: 'c', winner: 'newest', servicem8EditedAt: '2026-11-24T03:00:00.000Z' })),
    ).toMatchObject({ action: 'to_stripe', value: 'b' });
    expect(mergeField(input({ servicem8: 'b', stripe: 'c', winner: 'newest', stripeEditedAt: null }))).toMatchObject({
      action: 'conflict',
    });
  });

  it('without a base: fills the empty side, asks when both have different values', () => {
    expect(mergeField(input({ base: undefined, servicem8: null, stripe: 'x' }))).toMatchObject({ action: 'to_servicem8', value: 'x' });
    expect(mergeField(input({ base: undefined, servicem8: 'y', stripe: null }))).toMatchObject({ action: 'to_stripe', value: 'y' });
    expect(mergeField(input({ base: undefined, servicem8: 'y', stripe: 'x' }))).toMatchObject({ action: 'conflict' });
    expect(mergeField(input({ base: undefined, servicem8: 'y', stripe: 'y' }))).toEqual({ action: 'equal', value: 'y' });
  });
});
