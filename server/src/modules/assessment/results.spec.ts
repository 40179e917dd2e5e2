import { EvidenceAgreement, MaturityLevel } from './assessment.enums';
import { EvidenceIndicatorKey } from './evidence-levels';
import { buildResults, compareDimensions, progressOf } from './results';
import { tinyFramework } from './framework/tiny-framework.fixture';

const framework = tinyFramework();
const framed = (keys: Record<string, string>) => ({ ...framework, dimensions: framework.dimensions.map((d) => ({ ...d, key: keys[d.key] ?? d.key })) });

describe(buildResults.name, () => {
  // The tiny framework renamed so its dimensions carry the keys the indicators point at.
  const content = framed({ uptake: 'uptake_across_units', data: 'data_information' });
  const answers = [
    { respondentId: 'ann', statementKey: 'uptake.a', level: 3 }, { respondentId: 'ann', statementKey: 'uptake.b', level: 3 },
    { respondentId: 'ann', statementKey: 'data.a', level: 2 }, { respondentId: 'ann', statementKey: 'data.b', level: 2 },
  ];
  const measured = [
    { key: EvidenceIndicatorKey.departments_engaging, value: 0.5, numerator: 4, denominator: 8 }, // tactical
    { key: EvidenceIndicatorKey.engagements_linked, value: 0.95, numerator: 19, denominator: 20 }, // strategic
    { key: EvidenceIndicatorKey.duplicate_candidates, value: 0.05, numerator: 1, denominator: 20 }, // tactical
    { key: EvidenceIndicatorKey.opportunities_complete, value: null, numerator: 0, denominator: 0 },
  ];

  it('should set each indicator beside the self-score of its dimension and say where they disagree', () => {
    const r = buildResults(content, answers, measured, '2026-03-13');
    expect(r.evidence.map((i) => [i.key, i.level, i.selfLevel, i.agreement])).toEqual([
      ['departments_engaging', MaturityLevel.tactical, MaturityLevel.strategic, EvidenceAgreement.self_higher],
      ['engagements_linked', MaturityLevel.strategic, MaturityLevel.tactical, EvidenceAgreement.self_lower],
      ['duplicate_candidates', MaturityLevel.tactical, MaturityLevel.tactical, EvidenceAgreement.agrees],
      ['opportunities_complete', null, null, null],
    ]);
    expect(r.dimensions.map((d) => [d.dimensionKey, d.level, d.evidenceLevel, d.agreement])).toEqual([
      ['uptake_across_units', MaturityLevel.strategic, MaturityLevel.tactical, EvidenceAgreement.self_higher],
      ['data_information', MaturityLevel.tactical, MaturityLevel.tactical, EvidenceAgreement.agrees],
      ['people', null, null, null],
    ]);
    expect(r.disagreements).toEqual([
      "Uptake: respondents rate it strategic, the CRM's own data suggests tactical (departments that logged engagements in the last 90 days).",
    ]);
    expect(r.evidenceAsOf).toBe('2026-03-13');
  });
});

describe(progressOf.name, () => {
  it('should count answered statements overall, per dimension and per section (a dimension may sit in two sections)', () => {
    const p = progressOf(framework, new Set(['uptake.a', 'data.a', 'data.b']));
    expect(p).toMatchObject({ answered: 3, total: 6 });
    expect(p.dimensions.map((d) => [d.key, d.answered, d.total])).toEqual([['uptake', 1, 2], ['data', 2, 2], ['people', 0, 2]]);
    expect(p.sections.map((s) => [s.key, s.answered, s.total])).toEqual([['s1', 3, 4], ['s2', 2, 4]]);
  });
});

describe(compareDimensions.name, () => {
  it('should match dimensions by key, oldest first, with the change since the last assessment that scored each', () => {
    const rows = compareDimensions([
      { id: 'old', levels: [{ dimensionKey: 'a', title: 'A (old name)', score: 1.5, level: MaturityLevel.peripheral }] },
      { id: 'mid', levels: [{ dimensionKey: 'a', title: 'A', score: null, level: null }] },
      { id: 'new', levels: [{ dimensionKey: 'a', title: 'A', score: 2, level: MaturityLevel.tactical }, { dimensionKey: 'b', title: 'B', score: 3, level: MaturityLevel.strategic }] },
    ]);
    expect(rows).toEqual([
      { dimensionKey: 'a', title: 'A', points: [
        { assessmentId: 'old', score: 1.5, level: MaturityLevel.peripheral, change: null },
        { assessmentId: 'mid', score: null, level: null, change: null },
        { assessmentId: 'new', score: 2, level: MaturityLevel.tactical, change: 0.5 },
      ] },
      { dimensionKey: 'b', title: 'B', points: [
        { assessmentId: 'old', score: null, level: null, change: null },
        { assessmentId: 'mid', score: null, level: null, change: null },
        { assessmentId: 'new', score: 3, level: MaturityLevel.strategic, change: null },
      ] },
    ]);
  });
});
