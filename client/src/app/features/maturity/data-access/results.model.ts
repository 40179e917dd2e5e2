import type { EvidenceAgreement, MaturityComparisonQuery, MaturityLevel, MaturityResultsQuery } from '../../../graphql/generated';
import type { ExportColumn } from '../../../shared/export/table-export';
import { formatIsoDate } from '../../../shared/dates/dates';
import { agreementText, formatScore, LEVELS, levelLabel, LevelText } from './levels';
import { evidencePoint, RadarSeries } from './radar';

type Results = NonNullable<MaturityResultsQuery['assessment']>['results'];
type DimensionResult = Results['dimensions'][number];
export type EvidenceIndicator = Results['evidence'][number];
type Comparison = MaturityComparisonQuery['compareAssessments'];

/** One row of the results table (and of its export). */
export interface DimensionRow {
  key: string;
  title: string;
  level: MaturityLevel | null;
  levelText: string;
  score: number | null;
  /** Answers at each level, peripheral first, and each as a share of the largest (for the small bars). */
  spread: Array<{ level: MaturityLevel; count: number; share: number }>;
  spreadText: string;
  respondentCount: number;
  evidenceLevel: MaturityLevel | null;
  evidenceText: string;
  agreement: EvidenceAgreement | null;
  agreementText: string;
  nextLevel: MaturityLevel | null;
  recommendations: string[];
}

/** "1 peripheral, 4 tactical, 1 strategic"; "No answers yet". */
export function spreadText(spread: Record<MaturityLevel, number>): string {
  const parts = LEVELS.filter((l) => spread[l]).map((l) => `${spread[l]} ${l}`);
  return parts.length ? parts.join(', ') : 'No answers yet';
}

export function dimensionRows(dimensions: readonly DimensionResult[], levels: readonly LevelText[] = []): DimensionRow[] {
  return dimensions.map((d) => {
    const most = Math.max(1, ...LEVELS.map((l) => d.spread[l]));
    return {
      key: d.dimensionKey,
      title: d.title,
      level: d.level,
      levelText: levelLabel(d.level, levels),
      score: d.score,
      spread: LEVELS.map((level) => ({ level, count: d.spread[level], share: d.spread[level] / most })),
      spreadText: spreadText(d.spread),
      respondentCount: d.respondentCount,
      evidenceLevel: d.evidenceLevel,
      evidenceText: d.evidenceLevel ? levelLabel(d.evidenceLevel, levels) : 'No measure',
      agreement: d.agreement,
      agreementText: d.evidenceLevel ? agreementText(d.agreement) : '',
      nextLevel: d.nextLevel,
      recommendations: d.recommendations,
    };
  });
}

export const DIMENSION_EXPORT_COLUMNS: readonly ExportColumn<DimensionRow>[] = [
  { header: 'Dimension', value: (r) => r.title },
  { header: 'Self-assessed level', value: (r) => r.levelText },
  { header: 'Score (1–3)', value: (r) => (r.score === null ? null : Math.round(r.score * 100) / 100), type: 'number' },
  { header: 'Peripheral answers', value: (r) => r.spread[0].count, type: 'number' },
  { header: 'Tactical answers', value: (r) => r.spread[1].count, type: 'number' },
  { header: 'Strategic answers', value: (r) => r.spread[2].count, type: 'number' },
  { header: 'Respondents', value: (r) => r.respondentCount, type: 'number' },
  { header: 'Evidence level', value: (r) => (r.evidenceLevel ? r.evidenceText : null) },
  { header: 'Self-score against the data', value: (r) => r.agreementText || null },
];

/** The results radar: the self-score per dimension, and the level the CRM's data suggests where it measures one. */
export function resultsSeries(rows: readonly DimensionRow[]): RadarSeries[] {
  const series: RadarSeries[] = [{ name: 'Self-score', values: rows.map((r) => r.score) }];
  if (rows.some((r) => r.evidenceLevel)) series.push({ name: 'Evidence from the CRM', values: rows.map((r) => evidencePoint(r.evidenceLevel)), markersOnly: true });
  return series;
}

/** Titles of the dimensions named by `keys` (strengths, gaps), in that order. */
export function titlesOf(keys: readonly string[], rows: readonly DimensionRow[]): string[] {
  return keys.map((k) => rows.find((r) => r.key === k)?.title ?? k);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** An indicator's figure: "63%", "3 working days"; "Nothing to measure" when null. */
export function indicatorValue(i: Pick<EvidenceIndicator, 'unit' | 'value'>): string {
  if (i.value === null) return 'Nothing to measure';
  if (i.unit === 'share') return percent(i.value);
  const days = Math.round(i.value * 10) / 10;
  return `${days} working day${days === 1 ? '' : 's'}`;
}

/** "tactical from 60%, strategic from 90%"; for a lower-is-better figure "tactical at 10% or less, strategic at 2% or less". */
export function indicatorThresholds(i: Pick<EvidenceIndicator, 'unit' | 'higherIsBetter' | 'tacticalFrom' | 'strategicFrom'>): string {
  const show = (v: number) => (i.unit === 'share' ? percent(v) : `${v} working day${v === 1 ? '' : 's'}`);
  return i.higherIsBetter
    ? `Tactical from ${show(i.tacticalFrom)}, strategic from ${show(i.strategicFrom)}`
    : `Tactical at ${show(i.tacticalFrom)} or less, strategic at ${show(i.strategicFrom)} or less`;
}

/** "412 of 655"; empty when the figure is not a count of records. */
export const indicatorCounts = (i: Pick<EvidenceIndicator, 'numerator' | 'denominator'>): string =>
  i.numerator === null || i.denominator === null ? '' : `${i.numerator.toLocaleString('en-GB')} of ${i.denominator.toLocaleString('en-GB')}`;

/** Completing needs one respondent who answered every statement. */
export const canComplete = (respondents: ReadonlyArray<{ complete: boolean }>): boolean => respondents.some((r) => r.complete);

/** The assessments compared, oldest first, each named by its title and date for the legend and table. */
export function comparedNames(comparison: Comparison): Array<{ id: string; name: string }> {
  return comparison.assessments.map((a) => ({ id: a.id, name: `${a.title} (${formatIsoDate(a.completedAt ?? a.startedAt)})` }));
}

/** One line per compared assessment: its score on each dimension, oldest first; the newest drawn solid. */
export function comparisonSeries(comparison: Comparison): RadarSeries[] {
  const names = comparedNames(comparison);
  return names.map((a, i) => ({
    name: a.name,
    values: comparison.dimensions.map((d) => d.points.find((p) => p.assessmentId === a.id)?.score ?? null),
    dashed: i < names.length - 1,
  }));
}

export interface ChangeRow {
  key: string;
  title: string;
  /** One per assessment, oldest first: "Tactical 2.00 (↑ 0.50)". */
  cells: Array<{ level: MaturityLevel | null; score: number | null; change: number | null; text: string }>;
  /** From the oldest to the newest assessment that scored the dimension. */
  overall: number | null;
  direction: 'up' | 'down' | 'same' | null;
}

export function changeRows(comparison: Comparison, levels: readonly LevelText[] = []): ChangeRow[] {
  const ids = comparison.assessments.map((a) => a.id);
  return comparison.dimensions.map((d) => {
    const cells = ids.map((id) => {
      const p = d.points.find((x) => x.assessmentId === id);
      const score = p?.score ?? null;
      return { level: p?.level ?? null, score, change: p?.change ?? null, text: score === null ? '—' : `${levelLabel(p?.level, levels)} ${formatScore(score)}` };
    });
    const scored = cells.filter((c) => c.score !== null).map((c) => c.score!);
    const overall = scored.length > 1 ? scored[scored.length - 1] - scored[0] : null;
    const direction = overall === null ? null : Math.abs(overall) < 0.005 ? 'same' : overall > 0 ? 'up' : 'down';
    return { key: d.dimensionKey, title: d.title, cells, overall, direction };
  });
}
