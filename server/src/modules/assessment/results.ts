import { MaturityLevel } from './assessment.enums';
import { agreement, evidenceLevel, INDICATORS, suggestedLevel } from './evidence-levels';
import { MeasuredIndicator } from './evidence.sql';
import { FrameworkContent, statementKeys } from './framework/framework-content';
import { ComparedDimension } from './models/comparison.model';
import { AssessmentProgress, AssessmentResults, DimensionLevel, EvidenceIndicator } from './models/results.model';
import { scoreAssessment, ScoredAnswer } from './scoring';

const LEVEL_WORDS: Record<MaturityLevel, string> = { peripheral: 'peripheral', tactical: 'tactical', strategic: 'strategic' };

/** The results page: scores, strengths and gaps, recommendations, and the evidence set beside the self-scores. */
export function buildResults(framework: FrameworkContent, answers: ScoredAnswer[], measured: MeasuredIndicator[], asOf: string): AssessmentResults {
  const scores = scoreAssessment(framework, answers);
  const selfLevels = new Map(scores.dimensions.map((d) => [d.dimensionKey, d.level]));
  const values = new Map(measured.map((m) => [m.key, m]));
  const evidence: EvidenceIndicator[] = INDICATORS.filter((def) => values.has(def.key)).map((def) => {
    const m = values.get(def.key)!;
    const level = suggestedLevel(def, m.value);
    const selfLevel = selfLevels.get(def.dimensionKey) ?? null;
    return {
      key: def.key, title: def.title, dimensionKey: def.dimensionKey, unit: def.unit, value: m.value, numerator: m.numerator, denominator: m.denominator,
      higherIsBetter: def.higherIsBetter, tacticalFrom: def.tactical, strategicFrom: def.strategic, level, selfLevel, agreement: agreement(selfLevel, level),
    };
  });
  const dimensions = scores.dimensions.map((d) => {
    const level = evidenceLevel(evidence.filter((i) => i.dimensionKey === d.dimensionKey).map((i) => i.level));
    return { ...d, evidenceLevel: level, agreement: agreement(d.level, level) };
  });
  const disagreements = dimensions.filter((d) => d.agreement && d.agreement !== 'agrees').map((d) =>
    `${d.title}: respondents rate it ${LEVEL_WORDS[d.level!]}, the CRM's own data suggests ${LEVEL_WORDS[d.evidenceLevel!]} (${
      evidence.filter((i) => i.dimensionKey === d.dimensionKey && i.agreement && i.agreement !== 'agrees').map((i) => i.title.toLowerCase()).join('; ')}).`);
  return {
    overallScore: scores.overallScore, overallLevel: scores.overallLevel, respondentCount: scores.respondentCount, answerCount: scores.answerCount,
    dimensions, strengths: scores.strengths, gaps: scores.gaps, evidence, evidenceAsOf: asOf, disagreements,
  };
}

/** What a radar chart plots for one assessment. */
export function dimensionLevels(framework: FrameworkContent, answers: ScoredAnswer[]): DimensionLevel[] {
  return scoreAssessment(framework, answers).dimensions.map(({ dimensionKey, title, score, level }) => ({ dimensionKey, title, score, level }));
}

/** How many of `answeredKeys` fall in each section and dimension of the framework. */
export function progressOf(framework: FrameworkContent, answeredKeys: Set<string>): AssessmentProgress {
  const count = (keys: string[]) => keys.filter((k) => answeredKeys.has(k)).length;
  const dimensions = framework.dimensions.map((d) => {
    const keys = d.statements.map((s) => s.key);
    return { key: d.key, title: d.title, answered: count(keys), total: keys.length };
  });
  const sections = framework.sections.map((s) => {
    const keys = framework.dimensions.filter((d) => d.sectionKeys.includes(s.key)).flatMap((d) => d.statements.map((st) => st.key));
    return { key: s.key, title: s.title, answered: count(keys), total: keys.length };
  });
  const all = statementKeys(framework);
  return { answered: count(all), total: all.length, sections, dimensions };
}

/** Dimensions matched by key across assessments (oldest first), in the newest framework's order, with the change between consecutive scores. */
export function compareDimensions(items: Array<{ id: string; levels: DimensionLevel[] }>): ComparedDimension[] {
  const titles = new Map<string, string>();
  for (const item of [...items].reverse()) for (const d of item.levels) if (!titles.has(d.dimensionKey)) titles.set(d.dimensionKey, d.title);
  return [...titles].map(([dimensionKey, title]) => {
    let previous: number | null = null;
    const points = items.map((item) => {
      const d = item.levels.find((l) => l.dimensionKey === dimensionKey);
      const score = d?.score ?? null;
      const change = score !== null && previous !== null ? score - previous : null;
      if (score !== null) previous = score;
      return { assessmentId: item.id, score, level: d?.level ?? null, change };
    });
    return { dimensionKey, title, points };
  });
}
