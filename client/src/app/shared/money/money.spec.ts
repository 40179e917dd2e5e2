import { describe, expect, it } from 'vitest';
import { formatPence, formatPenceCompact, parsePounds } from './money';

describe('money', () => {
  it('formats pence as pounds, showing pence only when there are some', () => {
    expect(formatPence(1_250_000)).toBe('£12,500');
    expect(formatPence(1_250_050)).toBe('£12,500.50');
    expect(formatPence(0)).toBe('£0');
  });

  it('formats compactly for headers and axes', () => {
    expect(formatPenceCompact(1_250_000)).toBe('£12.5k');
    expect(formatPenceCompact(120_000_000)).toBe('£1.2m');
  });

  it('parses what people type, exactly, into pence', () => {
    expect(parsePounds('£12,500')).toBe(1_250_000);
    expect(parsePounds(' 12500.5 ')).toBe(1_250_050);
    expect(parsePounds('0.29')).toBe(29);
    expect(parsePounds('')).toBeNull();
    expect(parsePounds('12.345')).toBeNaN();
    expect(parsePounds('-5')).toBeNaN();
    expect(parsePounds('ten')).toBeNaN();
  });
});
