import { monthLabel, monthsBetween } from './months';

export interface ActivityRowInput {
  month: string;
  key: string;
  label: string;
  count: number;
}

export interface ActivitySeries {
  key: string;
  label: string;
  /** One count per month, in the months' order. */
  counts: number[];
  total: number;
}

export interface ActivityMonthRow {
  month: string;
  label: string;
  /** Series key → count. */
  counts: Record<string, number>;
  total: number;
}

export interface ActivityPivot {
  months: string[];
  series: ActivitySeries[];
  rows: ActivityMonthRow[];
  total: number;
}

/**
 * Engagements per month and series (department or type) as a grid: every month of the period,
 * zeros included, so a quiet month shows as a gap rather than disappearing; series with the most
 * engagements first. Without a bounded period the months run from the first to the last in the data.
 */
export function pivotActivity(
  rows: readonly ActivityRowInput[],
  period: { from: string | null; to: string | null },
  seriesLabel: (row: ActivityRowInput) => string = (row) => row.label,
): ActivityPivot {
  const dataMonths = rows.map((r) => r.month).sort();
  const from = period.from?.slice(0, 7) ?? dataMonths[0];
  const to = period.to?.slice(0, 7) ?? dataMonths[dataMonths.length - 1];
  const months = from && to ? monthsBetween(from, to) : [];
  const index = new Map(months.map((m, i) => [m, i]));
  const byKey = new Map<string, ActivitySeries>();
  for (const row of rows) {
    const i = index.get(row.month);
    if (i === undefined) continue;
    let series = byKey.get(row.key);
    if (!series) byKey.set(row.key, (series = { key: row.key, label: seriesLabel(row), counts: months.map(() => 0), total: 0 }));
    series.counts[i] += row.count;
    series.total += row.count;
  }
  const series = [...byKey.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en-GB'));
  const monthRows = months.map((month, i) => {
    const counts = Object.fromEntries(series.map((s) => [s.key, s.counts[i]]));
    return { month, label: monthLabel(month), counts, total: series.reduce((t, s) => t + s.counts[i], 0) };
  });
  return { months, series, rows: monthRows, total: series.reduce((t, s) => t + s.total, 0) };
}
