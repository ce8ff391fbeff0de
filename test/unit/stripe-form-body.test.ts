// The simulator's form parser: Stripe's bracket notation as the SDK and curl send it.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/main/simulators/stripe/form-body';
import { SimError } from '../../src/main/simulators/stripe/errors';

describe('parseForm', () => {
  it('builds nested objects and indexed arrays', () => {
    expect(parseForm('metadata[a]=1&address[city]=Sydney&expand[0]=customer&expand[1]=payments')).toEqual({
      metadata: { a: '1' },
      address: { city: 'Sydney' },
      expand: ['customer', 'payments'],
    });
  });

  it('handles arrays of objects and orders indexes numerically', () => {
    const parsed = parseForm('custom_fields[1][name]=B&custom_fields[0][name]=A&custom_fields[10][name]=K&custom_fields[0][value]=1');
    expect(parsed.custom_fields).toEqual([{ name: 'A', value: '1' }, { name: 'B' }, { name: 'K' }]);
  });

  it('appends with [] and accepts percent-encoded brackets', () => {
    expect(parseForm('types[]=a&types%5B%5D=b&tax_rates%5B0%5D=txr_1')).toEqual({ types: ['a', 'b'], tax_rates: ['txr_1'] });
  });

  it('decodes + as space and percent escapes, and keeps empty values (unset)', () => {
    expect(parseForm('name=Harbour+View%20Cafe&email=a%40b.com&description=')).toEqual({
      name: 'Harbour View Cafe',
      email: 'a@b.com',
      description: '',
    });
    expect(parseForm('metadata=')).toEqual({ metadata: '' });
  });

  it('keeps numeric metadata keys as an object, not an array', () => {
    expect(parseForm('metadata[0]=zero&metadata[1]=one')).toEqual({ metadata: { 0: 'zero', 1: 'one' } });
  });

  it('passes a metadata key containing brackets through for the validator to reject', () => {
    expect(parseForm('metadata[a[b]]=x')).toEqual({ metadata: { 'a[b]': 'x' } });
  });

  it('returns an empty object for an empty body and rejects broken escapes', () => {
    expect(parseForm('')).toEqual({});
    expect(() => parseForm('name=%E0%A4%A')).toThrow(SimError);
  });
});
