const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });

/** "£12,500" for whole pounds, "£12,500.50" otherwise. Money travels as integer pence. */
export function formatPence(pence: number): string {
  return pence % 100 === 0 ? pounds.format(pence / 100) : poundsAndPence.format(pence / 100);
}

/** "£12.5k", "£1.2m": for column headers and chart axes where space is short. */
export function formatPenceCompact(pence: number): string {
  return compact.format(pence / 100);
}

/** "£12,500", "12500.5", " 12,500 " → pence; null for blank; NaN when it is not an amount. */
export function parsePounds(text: string): number | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!cleaned) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return NaN;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Money as the API sends it (the Pence scalar, integer pence) → a number. */
export const pence = (value: unknown): number => Number(value ?? 0);

/** Pence → what a pounds field holds: "1500", "100000.50", "" for none (the reverse of parsePounds). */
export const poundsText = (value: unknown): string => (value === null || value === undefined ? '' : (Number(value) / 100).toFixed(2).replace(/\.00$/, ''));
