import { describe, expect, it } from 'vitest';
import { agreementText, formatChange, formatScore, levelLabel, levelOfRank, rankOf } from './levels';

describe('levelLabel', () => {
  it('shows peripheral with its KSA alias, operational', () => {
    expect(levelLabel('peripheral')).toBe('Peripheral (operational)');
    expect(levelLabel('tactical')).toBe('Tactical');
    expect(levelLabel('strategic')).toBe('Strategic');
  });

  it('uses the names and alias of the framework version when given', () => {
    const levels = [{ key: 'peripheral' as const, name: 'Emerging', alias: null }, { key: 'tactical' as const, name: 'Developing', alias: 'Managed' }];
    expect(levelLabel('peripheral', levels)).toBe('Emerging');
    expect(levelLabel('tactical', levels)).toBe('Developing (managed)');
  });

  it('says when there is no level yet', () => {
    expect(levelLabel(null)).toBe('Not yet scored');
  });
});

describe('ranks', () => {
  it('maps levels to the answer values 1–3 and back', () => {
    expect(rankOf('peripheral')).toBe(1);
    expect(rankOf('strategic')).toBe(3);
    expect(levelOfRank(2)).toBe('tactical');
    expect(levelOfRank(0)).toBeNull();
    expect(levelOfRank(4)).toBeNull();
    expect(levelOfRank(null)).toBeNull();
  });
});

describe('formatting', () => {
  it('shows scores to two places and changes with an arrow', () => {
    expect(formatScore(5 / 3)).toBe('1.67');
    expect(formatScore(null)).toBe('—');
    expect(formatChange(0.5)).toBe('↑ 0.50');
    expect(formatChange(-1 / 3)).toBe('↓ 0.33');
    expect(formatChange(0.001)).toBe('no change');
    expect(formatChange(null)).toBe('—');
  });

  it('says in words whether the self-score agrees with the data', () => {
    expect(agreementText('self_higher')).toBe('Your self-score is higher than the data suggests');
    expect(agreementText('self_lower')).toBe('Your self-score is lower than the data suggests');
    expect(agreementText('agrees')).toBe('Your self-score matches what the data suggests');
    expect(agreementText(null)).toMatch(/No evidence/);
  });
});
