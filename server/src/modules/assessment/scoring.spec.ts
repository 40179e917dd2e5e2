import { MaturityLevel } from './assessment.enums';
import { tinyFramework } from './framework/tiny-framework.fixture';
import { levelOfScore, scoreAssessment, ScoredAnswer, spreadOf } from './scoring';

const answers = (respondentId: string, levels: Record<string, number>): ScoredAnswer[] =>
  Object.entries(levels).map(([statementKey, level]) => ({ respondentId, statementKey, level }));

describe(levelOfScore.name, () => {
  it('should cut the 1–3 scale in thirds: tactical from 5/3, strategic from 7/3', () => {
    expect(levelOfScore(1)).toBe(MaturityLevel.peripheral);
    expect(levelOfScore(1.5)).toBe(MaturityLevel.peripheral);
    expect(levelOfScore(1.66)).toBe(MaturityLevel.peripheral);
    expect(levelOfScore((1 + 2 + 2) / 3)).toBe(MaturityLevel.tactical); // exactly 5/3
    expect(levelOfScore(2.33)).toBe(MaturityLevel.tactical);
    expect(levelOfScore((2 + 2 + 3) / 3)).toBe(MaturityLevel.strategic); // exactly 7/3
    expect(levelOfScore(2.34)).toBe(MaturityLevel.strategic);
    expect(levelOfScore(3)).toBe(MaturityLevel.strategic);
  });

  it('should put a mean exactly on a boundary in the higher level, and one answer short of it below, whatever the count', () => {
    expect(levelOfScore(10 / 6)).toBe(MaturityLevel.tactical); // six answers summing to 10: exactly 5/3
    expect(levelOfScore(9 / 6)).toBe(MaturityLevel.peripheral);
    expect(levelOfScore(14 / 6)).toBe(MaturityLevel.strategic); // exactly 7/3
    expect(levelOfScore(13 / 6)).toBe(MaturityLevel.tactical);
    expect(levelOfScore(35 / 15)).toBe(MaturityLevel.strategic); // fifteen answers, floating point of 7/3
    expect(levelOfScore(25 / 15)).toBe(MaturityLevel.tactical);
  });
});

describe(spreadOf.name, () => {
  it('should count answers per level with the lowest and highest', () => {
    expect(spreadOf([2, 3, 2, 2])).toEqual({ peripheral: 0, tactical: 3, strategic: 1, min: MaturityLevel.tactical, max: MaturityLevel.strategic });
    expect(spreadOf([])).toEqual({ peripheral: 0, tactical: 0, strategic: 0, min: null, max: null });
  });
});

describe(scoreAssessment.name, () => {
  const framework = tinyFramework();
  // Ann: uptake 1,2  data 3,3  people 2,2 ; Ben: uptake 2,2  data 2,3  people unanswered
  const given = [
    ...answers('ann', { 'uptake.a': 1, 'uptake.b': 2, 'data.a': 3, 'data.b': 3, 'people.a': 2, 'people.b': 2 }),
    ...answers('ben', { 'uptake.a': 2, 'uptake.b': 2, 'data.a': 2, 'data.b': 3 }),
  ];

  it('should score a dimension as the mean of every answer to its statements across respondents', () => {
    const s = scoreAssessment(framework, given);
    const uptake = s.dimensions[0];
    expect(uptake).toMatchObject({ dimensionKey: 'uptake', score: 7 / 4, level: MaturityLevel.tactical, answerCount: 4, respondentCount: 2 });
    expect(uptake.spread).toEqual({ peripheral: 1, tactical: 3, strategic: 0, min: MaturityLevel.peripheral, max: MaturityLevel.tactical });
    expect(uptake.statements).toEqual([
      { statementKey: 'uptake.a', answerCount: 2, score: 1.5, spread: { peripheral: 1, tactical: 1, strategic: 0, min: MaturityLevel.peripheral, max: MaturityLevel.tactical } },
      { statementKey: 'uptake.b', answerCount: 2, score: 2, spread: { peripheral: 0, tactical: 2, strategic: 0, min: MaturityLevel.tactical, max: MaturityLevel.tactical } },
    ]);
    expect(s.dimensions[1]).toMatchObject({ score: 11 / 4, level: MaturityLevel.strategic, respondentCount: 2 });
    expect(s.dimensions[2]).toMatchObject({ score: 2, level: MaturityLevel.tactical, respondentCount: 1 });
  });

  it('should give the overall level from the mean of the dimension scores, each weighing the same', () => {
    const s = scoreAssessment(framework, given);
    expect(s.overallScore).toBeCloseTo((7 / 4 + 11 / 4 + 2) / 3, 10); // 2.1667
    expect(s.overallLevel).toBe(MaturityLevel.tactical);
    expect(s).toMatchObject({ respondentCount: 2, answerCount: 10 });
  });

  it('should recommend the steps to the next level for every dimension below strategic, and none at strategic', () => {
    const s = scoreAssessment(framework, given);
    expect(s.dimensions.map((d) => [d.dimensionKey, d.nextLevel, d.recommendations])).toEqual([
      ['uptake', MaturityLevel.strategic, ['Uptake: reach strategic']],
      ['data', null, []],
      ['people', MaturityLevel.strategic, ['People: reach strategic']],
    ]);
    const low = scoreAssessment(framework, answers('ann', { 'people.a': 1, 'people.b': 1 }));
    expect(low.dimensions[2]).toMatchObject({ level: MaturityLevel.peripheral, nextLevel: MaturityLevel.tactical, recommendations: ['People: reach tactical'] });
  });

  it('should name strengths above and gaps below the overall score, highest and lowest first', () => {
    const s = scoreAssessment(framework, given);
    expect(s.strengths).toEqual(['data']);
    expect(s.gaps).toEqual(['uptake', 'people']);
  });

  it('should leave unanswered dimensions without a level and out of the overall score', () => {
    const s = scoreAssessment(framework, answers('ann', { 'data.a': 3 }));
    expect(s.dimensions.map((d) => d.level)).toEqual([null, MaturityLevel.strategic, null]);
    expect(s.overallScore).toBe(3);
    expect(s.strengths).toEqual([]);
    expect(s.gaps).toEqual([]);
    expect(scoreAssessment(framework, []).overallLevel).toBeNull();
  });

  it('should ignore answers to statements the framework does not have', () => {
    const s = scoreAssessment(framework, [...answers('ann', { 'data.a': 1 }), ...answers('cat', { 'gone.x': 3 })]);
    expect(s).toMatchObject({ respondentCount: 1, answerCount: 1, overallScore: 1 });
  });
});
