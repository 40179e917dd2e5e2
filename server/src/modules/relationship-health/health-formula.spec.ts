import { HEALTH_FACTORS, HealthInputs, scoreHealth } from './health-formula';

const quiet: HealthInputs = {
  daysSinceLast: null, engagements365: 0, departments365: 0, contacts365: 0, openWeightedPence: 0, wonPence730: 0, recent90: 0, prior90: 0,
};
const factor = (key: string, inputs: Partial<HealthInputs>) =>
  HEALTH_FACTORS.find((f) => f.key === key)!.points({ ...quiet, ...inputs });

describe('relationship health formula', () => {
  it('weights the factors to 100 in all', () => {
    expect(HEALTH_FACTORS.reduce((sum, f) => sum + f.max, 0)).toBe(100);
  });

  it('recency: full within a month, nothing after a year or never, linear between', () => {
    expect(factor('recency', { daysSinceLast: 0 })).toBe(30);
    expect(factor('recency', { daysSinceLast: 30 })).toBe(30);
    expect(factor('recency', { daysSinceLast: 197.5 })).toBeCloseTo(15, 5);
    expect(factor('recency', { daysSinceLast: 365 })).toBe(0);
    expect(factor('recency', { daysSinceLast: 900 })).toBe(0);
    expect(factor('recency', { daysSinceLast: null })).toBe(0);
  });

  it('frequency: a log curve that is full at two engagements a month', () => {
    expect(factor('frequency', { engagements365: 0 })).toBe(0);
    expect(factor('frequency', { engagements365: 4 })).toBeCloseTo((20 * Math.log(5)) / Math.log(25), 5);
    expect(factor('frequency', { engagements365: 24 })).toBe(20);
    expect(factor('frequency', { engagements365: 500 })).toBe(20);
  });

  it('breadth: half for departments (full at 3), half for people (full at 5)', () => {
    expect(factor('breadth', { departments365: 1, contacts365: 1 })).toBeCloseTo(10 / 3 + 2, 5);
    expect(factor('breadth', { departments365: 3, contacts365: 0 })).toBe(10);
    expect(factor('breadth', { departments365: 8, contacts365: 12 })).toBe(20);
  });

  it('opportunities: weighted open plus recently won value, full at £100,000', () => {
    expect(factor('opportunities', {})).toBe(0);
    expect(factor('opportunities', { openWeightedPence: 5_000_000, wonPence730: 5_000_000 })).toBe(20); // £50k + £50k
    expect(factor('opportunities', { wonPence730: 100_000 })).toBeCloseTo((20 * Math.log(2)) / Math.log(101), 5); // £1,000
    expect(factor('opportunities', { openWeightedPence: 2_000_000 })).toBeLessThan(factor('opportunities', { openWeightedPence: 4_000_000 }));
  });

  it('trend: 5 when steady, 10 when all the activity is recent, 0 when it has stopped', () => {
    expect(factor('trend', {})).toBe(5);
    expect(factor('trend', { recent90: 6, prior90: 6 })).toBe(5);
    expect(factor('trend', { recent90: 4, prior90: 0 })).toBe(10);
    expect(factor('trend', { recent90: 0, prior90: 4 })).toBe(0);
    expect(factor('trend', { recent90: 2, prior90: 4 })).toBe(2.5);
  });

  it('adds the factors into a whole-number score and reports each to one decimal', () => {
    expect(scoreHealth(quiet).score).toBe(5); // only the steady trend
    const busy = scoreHealth({ daysSinceLast: 3, engagements365: 30, departments365: 4, contacts365: 6, openWeightedPence: 10_000_000, wonPence730: 0, recent90: 9, prior90: 9 });
    expect(busy.score).toBe(95);
    expect(busy.factors.map((f) => [f.key, f.points])).toEqual([['recency', 30], ['frequency', 20], ['breadth', 20], ['opportunities', 20], ['trend', 5]]);
  });
});
