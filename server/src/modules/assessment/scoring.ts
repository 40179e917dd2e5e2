import { levelOfRank, MaturityLevel, rankOf } from './assessment.enums';
import { FrameworkContent } from './framework/framework-content';

/**
 * Maturity scoring (docs/maturity-scoring.md). A score is the mean of answers on the 1–3 scale:
 * below 5/3 is peripheral, from 5/3 tactical, from 7/3 strategic (the scale cut in equal thirds).
 */
export const TACTICAL_FROM = 5 / 3;
export const STRATEGIC_FROM = 7 / 3;
const EPSILON = 1e-9;
const MAX_HIGHLIGHTS = 3;

export interface ScoredAnswer {
  respondentId: string;
  statementKey: string;
  level: number;
}

/** How many answers sit at each level, and the lowest and highest (null with no answers). */
export interface LevelSpread {
  peripheral: number;
  tactical: number;
  strategic: number;
  min: MaturityLevel | null;
  max: MaturityLevel | null;
}

export interface StatementScore {
  statementKey: string;
  answerCount: number;
  score: number | null;
  spread: LevelSpread;
}

export interface DimensionScore {
  dimensionKey: string;
  title: string;
  /** Mean of every respondent's answer to every statement of the dimension; null before any answer. */
  score: number | null;
  level: MaturityLevel | null;
  answerCount: number;
  respondentCount: number;
  spread: LevelSpread;
  statements: StatementScore[];
  /** The level to work towards (null when strategic or unanswered) and the framework's steps to get there. */
  nextLevel: MaturityLevel | null;
  recommendations: string[];
}

export interface AssessmentScores {
  dimensions: DimensionScore[];
  /** Mean of the answered dimensions' scores, each dimension weighing the same. */
  overallScore: number | null;
  overallLevel: MaturityLevel | null;
  /** Dimension keys: up to three highest above the overall score, and up to three lowest below it. */
  strengths: string[];
  gaps: string[];
  respondentCount: number;
  answerCount: number;
}

/** The level of a mean score on the 1–3 scale. */
export function levelOfScore(score: number): MaturityLevel {
  if (score >= STRATEGIC_FROM - EPSILON) return MaturityLevel.strategic;
  if (score >= TACTICAL_FROM - EPSILON) return MaturityLevel.tactical;
  return MaturityLevel.peripheral;
}

export function spreadOf(levels: number[]): LevelSpread {
  const count = (rank: number) => levels.filter((l) => l === rank).length;
  return {
    peripheral: count(1), tactical: count(2), strategic: count(3),
    min: levels.length ? levelOfRank(Math.min(...levels)) : null,
    max: levels.length ? levelOfRank(Math.max(...levels)) : null,
  };
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Scores every dimension of `framework` from the answers given (answers to statements it does not have are ignored). */
export function scoreAssessment(framework: FrameworkContent, answers: ScoredAnswer[]): AssessmentScores {
  const byStatement = new Map<string, ScoredAnswer[]>();
  for (const a of answers) byStatement.set(a.statementKey, [...(byStatement.get(a.statementKey) ?? []), a]);

  const dimensions = framework.dimensions.map((d): DimensionScore => {
    const statements = d.statements.map((s): StatementScore => {
      const levels = (byStatement.get(s.key) ?? []).map((a) => a.level);
      return { statementKey: s.key, answerCount: levels.length, score: mean(levels), spread: spreadOf(levels) };
    });
    const mine = d.statements.flatMap((s) => byStatement.get(s.key) ?? []);
    const score = mean(mine.map((a) => a.level));
    const level = score === null ? null : levelOfScore(score);
    const nextLevel = level && level !== MaturityLevel.strategic ? levelOfRank(rankOf(level) + 1) : null;
    return {
      dimensionKey: d.key, title: d.title, score, level, statements,
      answerCount: mine.length, respondentCount: new Set(mine.map((a) => a.respondentId)).size, spread: spreadOf(mine.map((a) => a.level)),
      nextLevel, recommendations: nextLevel ? d.recommendations[nextLevel as 'tactical' | 'strategic'] : [],
    };
  });

  const answered = dimensions.filter((d) => d.score !== null);
  const overallScore = mean(answered.map((d) => d.score!));
  // Stable sorts: ties keep the framework's order.
  const highestFirst = [...answered].sort((a, b) => b.score! - a.score!);
  const lowestFirst = [...answered].sort((a, b) => a.score! - b.score!);
  const known = new Set(dimensions.flatMap((d) => d.statements.map((s) => s.statementKey)));
  const counted = answers.filter((a) => known.has(a.statementKey));
  return {
    dimensions,
    overallScore,
    overallLevel: overallScore === null ? null : levelOfScore(overallScore),
    strengths: highestFirst.filter((d) => d.score! > overallScore! + EPSILON).slice(0, MAX_HIGHLIGHTS).map((d) => d.dimensionKey),
    gaps: lowestFirst.filter((d) => d.score! < overallScore! - EPSILON).slice(0, MAX_HIGHLIGHTS).map((d) => d.dimensionKey),
    respondentCount: new Set(counted.map((a) => a.respondentId)).size,
    answerCount: counted.length,
  };
}
