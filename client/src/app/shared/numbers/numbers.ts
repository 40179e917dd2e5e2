const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "12,000": counts as people in the UK read them. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : COUNT.format(n);
}

/** "12 KB", "3.4 MB": a file's size for a message naming it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${COUNT.format(Math.round(bytes / 1024))} KB`;
  return `${ONE_DECIMAL.format(bytes / 1024 / 1024)} MB`;
}

/** "1 row", "3,000 rows". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
