import { StageOutcome } from './opportunity.enums';
import { effectiveProbability, weightedValuePence } from './opportunity.probability';

const proposal = { outcome: StageOutcome.open, defaultProbability: 50 };

describe('effectiveProbability', () => {
  it("should use the opportunity's own probability in an open stage", () => {
    expect(effectiveProbability(30, proposal)).toBe(30);
    expect(effectiveProbability(0, proposal)).toBe(0);
  });

  it("should fall back to the stage's default when the opportunity has none", () => {
    expect(effectiveProbability(null, proposal)).toBe(50);
  });

  it('should treat won as certain and lost as nothing, whatever the opportunity says', () => {
    expect(effectiveProbability(30, { outcome: StageOutcome.won, defaultProbability: 90 })).toBe(100);
    expect(effectiveProbability(80, { outcome: StageOutcome.lost, defaultProbability: 10 })).toBe(0);
  });
});

describe('weightedValuePence', () => {
  it('should weight the value in whole pence', () => {
    expect(weightedValuePence(1_000_000, 25)).toBe(250_000);
    expect(weightedValuePence(0, 75)).toBe(0);
    expect(weightedValuePence(999, 100)).toBe(999);
  });

  it('should round half a penny up and less than half down', () => {
    expect(weightedValuePence(1, 50)).toBe(1); // 0.5p → 1p
    expect(weightedValuePence(1, 49)).toBe(0); // 0.49p → 0p
    expect(weightedValuePence(333, 10)).toBe(33); // 33.3p → 33p
    expect(weightedValuePence(335, 10)).toBe(34); // 33.5p → 34p
  });

  it('should stay exact for the largest safe value', () => {
    expect(weightedValuePence(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
    expect(weightedValuePence(Number.MAX_SAFE_INTEGER, 50)).toBe(4503599627370496); // 4503599627370495.5 rounded up
  });
});
