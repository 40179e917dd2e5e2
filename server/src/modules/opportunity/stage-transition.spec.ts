import { AppError } from '../../common/graphql/errors';
import { StageOutcome } from './opportunity.enums';
import { enterStage } from './stage-transition';

const now = new Date('2026-03-01T10:00:00Z');
const earlier = new Date('2026-01-15T09:00:00Z');
const open = { outcome: StageOutcome.open, wonAt: null, closedAt: null, lostReason: null };

describe(enterStage.name, () => {
  it('should stamp wonAt and closedAt when an open opportunity is won', () => {
    expect(enterStage(open, StageOutcome.won, undefined, now)).toEqual({ wonAt: now, closedAt: now, lostReason: null });
  });

  it('should stamp only closedAt and keep the reason when it is lost', () => {
    expect(enterStage(open, StageOutcome.lost, '  Went with a competitor ', now)).toEqual({ wonAt: null, closedAt: now, lostReason: 'Went with a competitor' });
  });

  it('should refuse a lost stage without a reason, naming lostReason', () => {
    for (const reason of [undefined, null, '   ']) {
      let error: unknown;
      try {
        enterStage(open, StageOutcome.lost, reason, now);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions.fields).toEqual([{ field: 'lostReason', messages: ['lostReason is required when moving to a lost stage'] }]);
    }
  });

  it('should clear wonAt, closedAt and the lost reason when reopened', () => {
    const lost = { outcome: StageOutcome.lost, wonAt: null, closedAt: earlier, lostReason: 'Budget cut' };
    expect(enterStage(lost, StageOutcome.open, undefined, now)).toEqual({ wonAt: null, closedAt: null, lostReason: null });
  });

  it('should keep the original dates when moving between two won stages (e.g. won → delivered)', () => {
    const won = { outcome: StageOutcome.won, wonAt: earlier, closedAt: earlier, lostReason: null };
    expect(enterStage(won, StageOutcome.won, undefined, now)).toEqual({ wonAt: earlier, closedAt: earlier, lostReason: null });
  });

  it('should re-stamp closedAt when a won opportunity turns out lost', () => {
    const won = { outcome: StageOutcome.won, wonAt: earlier, closedAt: earlier, lostReason: null };
    expect(enterStage(won, StageOutcome.lost, 'Client withdrew', now)).toEqual({ wonAt: null, closedAt: now, lostReason: 'Client withdrew' });
  });

  it('should treat a new opportunity created straight into won as won now', () => {
    expect(enterStage(null, StageOutcome.won, null, now)).toEqual({ wonAt: now, closedAt: now, lostReason: null });
  });
});
