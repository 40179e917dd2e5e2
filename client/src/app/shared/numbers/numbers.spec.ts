import { describe, expect, it } from 'vitest';
import { countOf, formatCount, formatFileSize } from './numbers';

describe('numbers', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(12000)).toBe('12,000');
    expect(formatCount(2300.4)).toBe('2,300');
    expect(formatCount(null)).toBe('—');
  });

  it('gives file sizes in bytes, KB or MB', () => {
    expect(formatFileSize(512)).toBe('512 bytes');
    expect(formatFileSize(12 * 1024)).toBe('12 KB');
    expect(formatFileSize(63.25 * 1024 * 1024)).toBe('63.3 MB');
  });

  it('counts in the singular and the plural', () => {
    expect(countOf(1, 'row')).toBe('1 row');
    expect(countOf(3000, 'row')).toBe('3,000 rows');
    expect(countOf(2, 'match', 'matches')).toBe('2 matches');
  });
});
