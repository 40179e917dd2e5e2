import type { EvidenceAgreement, MaturityLevel } from '../../../graphql/generated';

/** The JISC levels in order; an answer's value is the level's rank (1, 2, 3). */
export const LEVELS: readonly MaturityLevel[] = ['peripheral', 'tactical', 'strategic'];

export const LEVEL_NAMES: Record<MaturityLevel, string> = { peripheral: 'Peripheral', tactical: 'Tactical', strategic: 'Strategic' };

/** The KSA (2007) study's names, shown beside the JISC ones; a framework version may name its own. */
const DEFAULT_ALIASES: Partial<Record<MaturityLevel, string>> = { peripheral: 'Operational' };

/** What the framework says of a level: enough of FrameworkLevel to name it. */
export interface LevelText {
  key: MaturityLevel;
  name: string;
  alias?: string | null;
}

export const rankOf = (level: MaturityLevel): number => LEVELS.indexOf(level) + 1;

/** 1 → peripheral … 3 → strategic; null for anything else. */
export const levelOfRank = (rank: number | null | undefined): MaturityLevel | null => (rank && rank >= 1 && rank <= 3 ? LEVELS[rank - 1] : null);

/**
 * "Peripheral (operational)", "Tactical": the level's name with its alias, as the framework
 * version names them (or the JISC and KSA names when no framework is at hand); "Not yet scored" for none.
 */
export function levelLabel(level: MaturityLevel | null | undefined, levels: readonly LevelText[] = []): string {
  if (!level) return 'Not yet scored';
  const text = levels.find((l) => l.key === level);
  const name = text?.name ?? LEVEL_NAMES[level];
  const alias = text ? text.alias : DEFAULT_ALIASES[level];
  return alias ? `${name} (${alias.toLowerCase()})` : name;
}

/** A score on the 1–3 scale to two places: "2.33"; "—" before any answer. */
export const formatScore = (score: number | null | undefined): string => (score === null || score === undefined ? '—' : score.toFixed(2));

/** "↑ 0.50", "↓ 0.33", "no change"; "—" when there is nothing to compare. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  if (Math.abs(change) < 0.005) return 'no change';
  return `${change > 0 ? '↑' : '↓'} ${Math.abs(change).toFixed(2)}`;
}

/** Where the self-score stands against the CRM's own data, in plain words. */
export function agreementText(agreement: EvidenceAgreement | null | undefined): string {
  switch (agreement) {
    case 'agrees':
      return 'Your self-score matches what the data suggests';
    case 'self_higher':
      return 'Your self-score is higher than the data suggests';
    case 'self_lower':
      return 'Your self-score is lower than the data suggests';
    default:
      return 'No evidence from the data for this dimension';
  }
}
