import { badField } from '../../common/graphql/errors';
import { StageOutcome } from './opportunity.enums';

export interface ClosingState {
  wonAt: Date | null;
  closedAt: Date | null;
  lostReason: string | null;
}

/**
 * What entering a stage does to an opportunity's closing fields: a won stage stamps wonAt, won or
 * lost stamps closedAt (kept when moving between stages of the same outcome), a lost stage needs a
 * reason, and reopening clears all three. `from` is null for a new opportunity.
 */
export function enterStage(from: (ClosingState & { outcome: StageOutcome }) | null, to: StageOutcome, lostReason: string | null | undefined, now: Date): ClosingState {
  const reason = lostReason?.trim() || null;
  if (to === StageOutcome.lost && !reason) throw badField('lostReason', 'lostReason is required when moving to a lost stage');
  if (to === StageOutcome.open) return { wonAt: null, closedAt: null, lostReason: null };
  const sameOutcome = from?.outcome === to;
  return {
    wonAt: to === StageOutcome.won ? (sameOutcome && from?.wonAt) || now : null,
    closedAt: (sameOutcome && from?.closedAt) || now,
    lostReason: to === StageOutcome.lost ? reason : null,
  };
}
