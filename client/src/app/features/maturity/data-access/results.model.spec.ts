import { describe, expect, it } from 'vitest';
import type { MaturityComparisonQuery, MaturityResultsQuery } from '../../../graphql/generated';
import { canComplete, changeRows, comparisonSeries, dimensionRows, indicatorCounts, indicatorThresholds, indicatorValue, resultsSeries, spreadText, titlesOf } from './results.model';

type DimensionResult = NonNullable<MaturityResultsQuery['assessment']>['results']['dimensions'][number];

const dim = (key: string, over: Partial<DimensionResult> = {}): DimensionResult => ({
  dimensionKey: key,
  title: key.toUpperCase(),
  score: 2,
  level: 'tactical',
  nextLevel: 'strategic',
  recommendations: ['Do this'],
  answerCount: 6,
  respondentCount: 2,
  evidenceLevel: null,
  agreement: null,
  spread: { peripheral: 1, tactical: 4, strategic: 1, min: 'peripheral', max: 'strategic' },
  ...over,
});

describe('dimensionRows', () => {
  it('gives each dimension its level with the alias, the spread as counts and bar shares, and the evidence in words', () => {
    const [a, b] = dimensionRows([
      dim('a', { level: 'peripheral', score: 1.5, evidenceLevel: 'tactical', agreement: 'self_lower' }),
      dim('b', { evidenceLevel: 'peripheral', agreement: 'self_higher' }),
    ]);
    expect(a.levelText).toBe('Peripheral (operational)');
    expect(a.spread.map((s) => [s.level, s.count, s.share])).toEqual([['peripheral', 1, 0.25], ['tactical', 4, 1], ['strategic', 1, 0.25]]);
    expect(a.spreadText).toBe('1 peripheral, 4 tactical, 1 strategic');
    expect(a.agreementText).toBe('Your self-score is lower than the data suggests');
    expect(b.agreementText).toBe('Your self-score is higher than the data suggests');
    expect(b.evidenceText).toBe('Peripheral (operational)');
  });

  it('says when a dimension has no evidence and leaves its agreement blank', () => {
    const [row] = dimensionRows([dim('c')]);
    expect(row.evidenceText).toBe('No measure');
    expect(row.agreementText).toBe('');
  });

  it('says when nobody answered', () => {
    expect(spreadText({ peripheral: 0, tactical: 0, strategic: 0 })).toBe('No answers yet');
  });
});

describe('resultsSeries', () => {
  it('plots the self-score, and the evidence level as its ring where the data measures one', () => {
    const rows = dimensionRows([dim('a', { score: 2.5 }), dim('b', { score: null, level: null, evidenceLevel: 'strategic', agreement: null })]);
    expect(resultsSeries(rows)).toEqual([
      { name: 'Self-score', values: [2.5, null] },
      { name: 'Evidence from the CRM', values: [null, 3], markersOnly: true },
    ]);
  });

  it('draws no evidence line when nothing is measured', () => {
    expect(resultsSeries(dimensionRows([dim('a')]))).toHaveLength(1);
  });

  it('names strengths and gaps by title', () => {
    expect(titlesOf(['b', 'x'], dimensionRows([dim('a'), dim('b')]))).toEqual(['B', 'x']);
  });
});

describe('evidence indicators', () => {
  it('shows shares as percentages with their counts and thresholds', () => {
    const share = { unit: 'share', value: 0.634, numerator: 1234, denominator: 1946, higherIsBetter: true, tacticalFrom: 0.6, strategicFrom: 0.9 };
    expect(indicatorValue(share)).toBe('63%');
    expect(indicatorCounts(share)).toBe('1,234 of 1,946');
    expect(indicatorThresholds(share)).toBe('Tactical from 60%, strategic from 90%');
  });

  it('shows working days, and thresholds where lower is better', () => {
    const days = { unit: 'working_days', value: 1, numerator: null, denominator: null, higherIsBetter: false, tacticalFrom: 5, strategicFrom: 2 };
    expect(indicatorValue(days)).toBe('1 working day');
    expect(indicatorValue({ ...days, value: 3.25 })).toBe('3.3 working days');
    expect(indicatorCounts(days)).toBe('');
    expect(indicatorThresholds(days)).toBe('Tactical at 5 working days or less, strategic at 2 working days or less');
    expect(indicatorValue({ ...days, value: null })).toBe('Nothing to measure');
  });
});

describe('canComplete', () => {
  it('needs one respondent who answered everything', () => {
    expect(canComplete([{ complete: false }, { complete: true }])).toBe(true);
    expect(canComplete([{ complete: false }])).toBe(false);
    expect(canComplete([])).toBe(false);
  });
});

describe('comparison', () => {
  const summary = (id: string, title: string, completedAt: string | null) =>
    ({ id, title, completedAt, startedAt: '2025-01-10T09:00:00Z', version: 1, scope: 'institution', status: completedAt ? 'completed' : 'in_progress', department: null, lead: null }) as const;
  const comparison: MaturityComparisonQuery['compareAssessments'] = {
    assessments: [summary('old', 'Last year', '2024-11-04T10:00:00Z'), summary('new', 'This year', null)],
    dimensions: [
      { dimensionKey: 'uptake', title: 'Uptake', points: [{ assessmentId: 'old', score: 1.5, level: 'peripheral', change: null }, { assessmentId: 'new', score: 2.5, level: 'strategic', change: 1 }] },
      { dimensionKey: 'data', title: 'Data', points: [{ assessmentId: 'old', score: 2, level: 'tactical', change: null }, { assessmentId: 'new', score: 1.5, level: 'peripheral', change: -0.5 }] },
      { dimensionKey: 'new_dim', title: 'New', points: [{ assessmentId: 'old', score: null, level: null, change: null }, { assessmentId: 'new', score: 2, level: 'tactical', change: null }] },
    ],
  };

  it('draws each assessment, oldest dashed and the newest solid, named with its date', () => {
    const series = comparisonSeries(comparison);
    expect(series.map((s) => s.name)).toEqual(['Last year (4 Nov 2024)', 'This year (10 Jan 2025)']);
    expect(series.map((s) => s.dashed)).toEqual([true, false]);
    expect(series[0].values).toEqual([1.5, 2, null]);
  });

  it('gives the change per dimension from the oldest to the newest score, with its direction', () => {
    const rows = changeRows(comparison);
    expect(rows.map((r) => [r.key, r.overall, r.direction])).toEqual([['uptake', 1, 'up'], ['data', -0.5, 'down'], ['new_dim', null, null]]);
    expect(rows[0].cells.map((c) => c.text)).toEqual(['Peripheral (operational) 1.50', 'Strategic 2.50']);
    expect(rows[2].cells[0].text).toBe('—');
  });
});
