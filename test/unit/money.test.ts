import { describe, expect, it } from 'vitest';
import { formatCents, MoneyFormatError, toCents } from '../../src/main/core/util/money';

describe('money', () => {
  it('parses ServiceM8 decimal strings and numbers into cents without float error', () => {
    expect(toCents('1234.5600')).toBe(123456);
    expect(toCents('0')).toBe(0);
    expect(toCents('10')).toBe(1000);
    expect(toCents('-5.5')).toBe(-550);
    expect(toCents(12.3)).toBe(1230);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents('1.005')).toBe(101);
    expect(toCents('1.0049')).toBe(100);
    expect(toCents('-1.005')).toBe(-101);
    expect(toCents(' 7.10 ')).toBe(710);
  });

  it('rejects what is not a decimal amount', () => {
    for (const bad of ['', 'abc', '1,000.00', '1e3', '$5', '1.2.3']) expect(() => toCents(bad)).toThrow(MoneyFormatError);
    expect(() => toCents(Number.NaN)).toThrow(MoneyFormatError);
  });

  it('formats cents as plain decimals', () => {
    expect(formatCents(123456)).toBe('1234.56');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(() => formatCents(1.5)).toThrow(MoneyFormatError);
  });
});
