// The update_lines entry for a line we own: Stripe merges line metadata, so every key
// the line has now that is not ours is sent as '' (removed); ours are set; nothing is
// sent when there is nothing to set or remove.
import { describe, expect, it } from 'vitest';
import { lineMetadata, updateLineParams } from '../../src/main/core/connectors/stripe/invoice-lines';

const line = { description: 'Call-out', amountCents: 8800, taxRateId: 'txr_gst', metadata: { servicem8_material_uuid: 'm-1' } };

describe('lineMetadata', () => {
  it("sends '' for every key the line has that is not ours, and ours as they are", () => {
    const current = { id: 'il_1', metadata: { servicem8_material_uuid: 'm-old', dashboard_note: 'ask Sam', Servicem8_material_uuid: 'x' } };
    expect(lineMetadata(current, { servicem8_material_uuid: 'm-1' })).toEqual({
      servicem8_material_uuid: 'm-1',
      dashboard_note: '',
      Servicem8_material_uuid: '', // keys are case-sensitive: not ours
    });
  });

  it('sends ours alone when the line has no other key, and nothing when there is nothing to set or remove', () => {
    expect(lineMetadata({ id: 'il_1', metadata: {} }, { servicem8_material_uuid: 'm-1' })).toEqual({ servicem8_material_uuid: 'm-1' });
    expect(lineMetadata({ id: 'il_1', metadata: {} }, undefined)).toBeUndefined();
    expect(lineMetadata({ id: 'il_1', metadata: { note: 'x' } }, undefined)).toEqual({ note: '' });
  });

  it('treats keys named like object properties as keys, not as ours', () => {
    expect(lineMetadata({ id: 'il_1', metadata: { toString: 'a', constructor: 'b' } }, {})).toEqual({ toString: '', constructor: '' });
  });
});

describe('updateLineParams', () => {
  it('sets the line whole: our fields, tax rates, discounts cleared, foreign metadata unset', () => {
    const entry = updateLineParams({ id: 'il_1', metadata: { dashboard_note: 'ask Sam' } }, line, 0, null);
    expect(entry).toEqual({
      id: 'il_1',
      description: 'Call-out',
      amount: 8800,
      tax_rates: ['txr_gst'],
      discounts: '',
      metadata: { servicem8_material_uuid: 'm-1', dashboard_note: '' },
    });
  });

  it('sends no metadata for a line without any, and clears tax rates when it has none', () => {
    const entry = updateLineParams({ id: 'il_2', metadata: {} }, { description: 'Disposal', amountCents: 3300 }, 1, null);
    expect(entry).toEqual({ id: 'il_2', description: 'Disposal', amount: 3300, tax_rates: '', discounts: '' });
  });
});
