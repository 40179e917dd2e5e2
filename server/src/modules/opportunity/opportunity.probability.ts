import { StageOutcome } from './opportunity.enums';

/**
 * The probability that counts: a won stage is certain (100) and a lost one is 0, whatever the
 * opportunity says; otherwise its own probability, or the stage's default when it has none.
 */
export function effectiveProbability(probability: number | null, stage: { outcome: StageOutcome; defaultProbability: number }): number {
  if (stage.outcome === StageOutcome.won) return 100;
  if (stage.outcome === StageOutcome.lost) return 0;
  return probability ?? stage.defaultProbability;
}

/**
 * value × probability / 100 in whole pence, rounding half a penny up. BigInt keeps it exact for
 * any safe-integer value (value × 100 can pass 2^53). A pipeline column's weighted total is the
 * sum of these, so it always equals the sum of its cards.
 */
export function weightedValuePence(valuePence: number, probability: number): number {
  return Number((BigInt(valuePence) * BigInt(probability) + 50n) / 100n);
}

/** The same rule in SQL for open stages (bigint arithmetic, exact): keep it in step with the two functions above. */
export const weightedValueSql = (opportunity: string, stage: string) =>
  `((${opportunity}.value_pence * coalesce(${opportunity}.probability, ${stage}.default_probability) + 50) / 100)`;
