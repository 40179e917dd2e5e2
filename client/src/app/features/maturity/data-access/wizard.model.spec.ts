import { describe, expect, it } from 'vitest';
import type { MaturityFrameworkFragment } from '../../../graphql/generated';
import { allStatementKeys, changedAnswers, draftFrom, isTextEntry, progressOf, progressPercent, resumeStep, shortDescriptor, wizardCommandFor, wizardSteps } from './wizard.model';

const dimension = (key: string, sectionKeys: string[], statements: number) => ({
  key,
  title: key,
  summary: '',
  sectionKeys,
  statements: Array.from({ length: statements }, (_, i) => ({ key: `${key}.${i + 1}`, text: `Statement ${i + 1}` })),
  descriptors: { peripheral: 'p', tactical: 't', strategic: 's' },
  recommendations: { tactical: [], strategic: [] },
});

const framework = {
  sections: [
    { key: 'what', title: 'What is CRM?', summary: '' },
    { key: 'where', title: 'Where are you now?', summary: '' },
    { key: 'empty', title: 'Nothing here', summary: '' },
  ],
  dimensions: [dimension('strategy', ['what'], 2), dimension('uptake', ['where', 'what'], 3), dimension('people', ['where'], 1)],
} as unknown as MaturityFrameworkFragment;

describe('wizardSteps', () => {
  it('makes one step per section with its dimensions, says where a dimension is also asked, and leaves out empty sections', () => {
    const steps = wizardSteps(framework);
    expect(steps.map((s) => s.key)).toEqual(['what', 'where']);
    expect(steps[0].dimensions.map((d) => d.dimension.key)).toEqual(['strategy', 'uptake']);
    expect(steps[0].dimensions[1].alsoIn).toEqual(['Where are you now?']);
    expect(steps[0].statementKeys).toEqual(['strategy.1', 'strategy.2', 'uptake.1', 'uptake.2', 'uptake.3']);
    expect(steps[1].statementKeys).toEqual(['uptake.1', 'uptake.2', 'uptake.3', 'people.1']);
  });

  it('counts each statement once overall', () => {
    expect(allStatementKeys(framework)).toHaveLength(6);
  });
});

describe('progress', () => {
  it('counts the answered statements of a section, shared ones included', () => {
    const draft = draftFrom([{ statementKey: 'uptake.1', level: 2 }, { statementKey: 'strategy.1', level: 1, evidence: 'Policy 2024' }]);
    const [what, where] = wizardSteps(framework);
    expect(progressOf(what.statementKeys, draft)).toEqual({ answered: 2, total: 5 });
    expect(progressOf(where.statementKeys, draft)).toEqual({ answered: 1, total: 4 });
    expect(progressPercent({ answered: 1, total: 3 })).toBe(33);
    expect(progressPercent({ answered: 0, total: 0 })).toBe(0);
  });

  it('resumes at the first section with something left to answer', () => {
    const steps = wizardSteps(framework);
    const whatDone = draftFrom(['strategy.1', 'strategy.2', 'uptake.1', 'uptake.2', 'uptake.3'].map((statementKey) => ({ statementKey, level: 2 })));
    expect(resumeStep(steps, {})).toBe(0);
    expect(resumeStep(steps, draftFrom([{ statementKey: 'strategy.1', level: 2 }, { statementKey: 'strategy.2', level: 2 }]))).toBe(0);
    expect(resumeStep(steps, whatDone)).toBe(1);
    expect(resumeStep(steps, { ...whatDone, 'uptake.3': { level: null, evidence: '' } })).toBe(0);
    expect(resumeStep(steps, { ...whatDone, 'people.1': { level: 1, evidence: '' } })).toBe(0);
  });
});

describe('changedAnswers', () => {
  const saved = draftFrom([{ statementKey: 'a', level: 2, evidence: 'Minutes of May board' }, { statementKey: 'b', level: 1 }]);

  it('sends nothing when nothing changed', () => {
    expect(changedAnswers(saved, saved)).toEqual([]);
  });

  it('sends a changed level without its unchanged note, so the server keeps the note', () => {
    expect(changedAnswers(saved, { ...saved, a: { level: 3, evidence: 'Minutes of May board' } })).toEqual([{ statementKey: 'a', level: 3 }]);
  });

  it('sends a changed note, and a cleared note as null', () => {
    expect(changedAnswers(saved, { ...saved, b: { level: 1, evidence: ' Survey ' } })).toEqual([{ statementKey: 'b', level: 1, evidence: 'Survey' }]);
    expect(changedAnswers(saved, { ...saved, a: { level: 2, evidence: '' } })).toEqual([{ statementKey: 'a', level: 2, evidence: null }]);
  });

  it('sends new answers and skips statements without a level', () => {
    expect(changedAnswers(saved, { ...saved, c: { level: 3, evidence: '' }, d: { level: null, evidence: 'a note alone' } })).toEqual([{ statementKey: 'c', level: 3 }]);
  });
});

describe('wizardCommandFor', () => {
  const input = (type: string) => ({ tagName: 'INPUT', type }) as unknown as EventTarget;
  const textarea = { tagName: 'TEXTAREA' } as unknown as EventTarget;

  it('moves with N and P when focus is on a radio or the page, not while typing a note', () => {
    expect(wizardCommandFor({ key: 'n', target: input('radio') })).toBe('next');
    expect(wizardCommandFor({ key: 'p', target: null })).toBe('back');
    expect(wizardCommandFor({ key: 'n', target: textarea })).toBeNull();
    expect(wizardCommandFor({ key: 'n', target: input('text') })).toBeNull();
    expect(wizardCommandFor({ key: 'n', ctrlKey: true })).toBeNull();
    expect(wizardCommandFor({ key: 'n', defaultPrevented: true })).toBeNull();
  });

  it('saves with Ctrl+S or ⌘S from anywhere, the note included', () => {
    expect(wizardCommandFor({ key: 's', ctrlKey: true, target: textarea })).toBe('save');
    expect(wizardCommandFor({ key: 's', metaKey: true })).toBe('save');
    expect(wizardCommandFor({ key: 's' })).toBeNull();
  });

  it('treats radios and buttons as not typing', () => {
    expect(isTextEntry(input('radio'))).toBe(false);
    expect(isTextEntry(input('button'))).toBe(false);
    expect(isTextEntry(input('search'))).toBe(true);
    expect(isTextEntry(textarea)).toBe(true);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('shortDescriptor', () => {
  it('keeps the first clause of a descriptor for the radio label', () => {
    expect(shortDescriptor('CRM is a local tool chosen by one team; no strategy or policy refers to it.')).toBe('CRM is a local tool chosen by one team');
    expect(shortDescriptor('Short.')).toBe('Short');
  });

  it('cuts a long clause at a word, with an ellipsis', () => {
    const text = 'Relationship management is in the institutional strategy with an executive sponsor and every unit follows it';
    const short = shortDescriptor(text, 40);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
  });
});
