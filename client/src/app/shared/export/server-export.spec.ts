import { describe, expect, it } from 'vitest';
import { downloadName, serverExportUrl } from './server-export';

describe('serverExportUrl', () => {
  it('sends the list arguments, objects as JSON, leaving out paging and empty values', () => {
    const url = serverExportUrl(
      { list: 'organisations', args: { first: 25, after: 'abc', search: 'acme', filter: { missing: ['sector'] }, orderBy: null } },
      'csv',
    );
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/export/organisations');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ format: 'csv', search: 'acme', filter: '{"missing":["sector"]}' });
  });

  it('asks for everything as a workbook', () => {
    expect(serverExportUrl({ list: 'all' }, 'xlsx')).toBe('/export/all?format=xlsx');
  });
});

describe('downloadName', () => {
  it('takes the name the server gave, else the fallback', () => {
    expect(downloadName('attachment; filename="organisations-2025-03-31.csv"', 'x.csv')).toBe('organisations-2025-03-31.csv');
    expect(downloadName(null, 'x.csv')).toBe('x.csv');
  });
});

describe('formatBytes', async () => {
  const { formatBytes } = await import('./full-export');
  it('shows kilobytes, then megabytes', () => {
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3.45 * 1024 * 1024)).toBe('3.5 MB');
  });
});
