import { EvidenceAgreement, MaturityLevel } from './assessment.enums';
import { agreement, evidenceLevel, INDICATORS, suggestedLevel } from './evidence-levels';
import { SEED_FRAMEWORK } from './framework/framework-content';

describe(suggestedLevel.name, () => {
  const higher = { higherIsBetter: true, tactical: 0.6, strategic: 0.9 };
  const lower = { higherIsBetter: false, tactical: 0.1, strategic: 0.02 };

  it('should suggest a level from a share where higher is better, the thresholds included', () => {
    expect(suggestedLevel(higher, 0.59)).toBe(MaturityLevel.peripheral);
    expect(suggestedLevel(higher, 0.6)).toBe(MaturityLevel.tactical);
    expect(suggestedLevel(higher, 0.89)).toBe(MaturityLevel.tactical);
    expect(suggestedLevel(higher, 0.9)).toBe(MaturityLevel.strategic);
  });

  it('should suggest a level from a rate where lower is better, the thresholds included', () => {
    expect(suggestedLevel(lower, 0.11)).toBe(MaturityLevel.peripheral);
    expect(suggestedLevel(lower, 0.1)).toBe(MaturityLevel.tactical);
    expect(suggestedLevel(lower, 0.02)).toBe(MaturityLevel.strategic);
    expect(suggestedLevel(lower, 0)).toBe(MaturityLevel.strategic);
  });

  it('should suggest nothing when there is nothing to measure', () => {
    expect(suggestedLevel(higher, null)).toBeNull();
  });

  it('should tie every indicator to a dimension of the shipped framework', () => {
    const keys = new Set(SEED_FRAMEWORK.dimensions.map((d) => d.key));
    expect(INDICATORS.filter((i) => !keys.has(i.dimensionKey))).toEqual([]);
  });
});

describe(evidenceLevel.name, () => {
  it('should take the lowest level its indicators suggest, ignoring unmeasured ones', () => {
    expect(evidenceLevel([MaturityLevel.strategic, null, MaturityLevel.tactical])).toBe(MaturityLevel.tactical);
    expect(evidenceLevel([null])).toBeNull();
  });
});

describe(agreement.name, () => {
  it('should say whether the self-score is above, below or at the evidence', () => {
    expect(agreement(MaturityLevel.tactical, MaturityLevel.tactical)).toBe(EvidenceAgreement.agrees);
    expect(agreement(MaturityLevel.strategic, MaturityLevel.peripheral)).toBe(EvidenceAgreement.self_higher);
    expect(agreement(MaturityLevel.peripheral, MaturityLevel.tactical)).toBe(EvidenceAgreement.self_lower);
    expect(agreement(null, MaturityLevel.tactical)).toBeNull();
  });
});
