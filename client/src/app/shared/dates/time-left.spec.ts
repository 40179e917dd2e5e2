import { describe, expect, it } from 'vitest';
import { timeLeftInWords } from './time-left';

describe('timeLeftInWords', () => {
  it('says nothing while there is no estimate', () => {
    expect(timeLeftInWords(null)).toBe('');
    expect(timeLeftInWords(undefined)).toBe('');
    expect(timeLeftInWords(Number.NaN)).toBe('');
  });

  it('rounds seconds to fives so the line does not flicker', () => {
    expect(timeLeftInWords(0)).toBe('almost done');
    expect(timeLeftInWords(4)).toBe('a few seconds left');
    expect(timeLeftInWords(38)).toBe('about 40 s left');
    expect(timeLeftInWords(42)).toBe('about 40 s left');
  });

  it('speaks minutes and hours for longer work', () => {
    expect(timeLeftInWords(59)).toBe('about 60 s left');
    expect(timeLeftInWords(170)).toBe('about 3 min left');
    expect(timeLeftInWords(3600)).toBe('about 1 h left');
    expect(timeLeftInWords(4800)).toBe('about 1 h 20 min left');
  });
});
