import type { AnswerInput, MaturityFrameworkFragment } from '../../../graphql/generated';

type FrameworkDimension = MaturityFrameworkFragment['dimensions'][number];

/** One dimension as a wizard step shows it: its statements and level descriptors, and where else it is asked. */
export interface StepDimension {
  dimension: FrameworkDimension;
  /** Titles of the other sections that ask the same statements (the answers are shared). */
  alsoIn: string[];
}

/** One JISC section: a step of the wizard. */
export interface WizardStep {
  key: string;
  title: string;
  summary: string;
  dimensions: StepDimension[];
  statementKeys: string[];
}

/** A statement's answer as the form holds it: a level 1–3 (null until chosen) and the evidence note. */
export interface DraftAnswer {
  level: number | null;
  evidence: string;
}
export type Draft = Readonly<Record<string, DraftAnswer>>;

export interface Progress {
  answered: number;
  total: number;
}

/**
 * The wizard's steps: one per framework section, in the framework's order, each with the
 * dimensions tagged with it. A dimension tagged with two sections appears in both; sections with
 * no dimension are left out.
 */
export function wizardSteps(framework: Pick<MaturityFrameworkFragment, 'sections' | 'dimensions'>): WizardStep[] {
  const titleOf = new Map(framework.sections.map((s) => [s.key, s.title]));
  return framework.sections
    .map((section) => {
      const dimensions = framework.dimensions
        .filter((d) => d.sectionKeys.includes(section.key))
        .map((dimension) => ({
          dimension,
          alsoIn: dimension.sectionKeys.filter((k) => k !== section.key && titleOf.has(k)).map((k) => titleOf.get(k)!),
        }));
      return { key: section.key, title: section.title, summary: section.summary, dimensions, statementKeys: dimensions.flatMap((d) => d.dimension.statements.map((s) => s.key)) };
    })
    .filter((step) => step.dimensions.length > 0);
}

/** The saved answers as a draft to edit. */
export function draftFrom(answers: ReadonlyArray<{ statementKey: string; level: number; evidence?: string | null }>): Draft {
  return Object.fromEntries(answers.map((a) => [a.statementKey, { level: a.level, evidence: a.evidence ?? '' }]));
}

/** How many of `keys` have a level in the draft. */
export function progressOf(keys: readonly string[], draft: Draft): Progress {
  return { answered: keys.filter((k) => draft[k]?.level).length, total: keys.length };
}

/** Every statement of the framework once, whatever sections it appears in. */
export function allStatementKeys(framework: Pick<MaturityFrameworkFragment, 'dimensions'>): string[] {
  return framework.dimensions.flatMap((d) => d.statements.map((s) => s.key));
}

/** "4 of 9 answered" */
export const progressText = (p: Progress): string => `${p.answered} of ${p.total} answered`;

/** 0–100 for a progress bar. */
export const progressPercent = (p: Progress): number => (p.total ? Math.round((p.answered / p.total) * 100) : 0);

/**
 * What to send to answerAssessment: only the statements whose level or note differ from what was
 * last saved, and only those with a level. A note is sent only when it changed (the server keeps
 * an earlier note when none is sent); a cleared note is sent as null.
 */
export function changedAnswers(saved: Draft, draft: Draft): AnswerInput[] {
  return Object.entries(draft).flatMap(([statementKey, answer]) => {
    if (!answer.level) return [];
    const before = saved[statementKey];
    const note = answer.evidence.trim();
    const noteChanged = note !== (before?.evidence ?? '').trim();
    if (before?.level === answer.level && !noteChanged) return [];
    const input: AnswerInput = { statementKey, level: answer.level };
    if (noteChanged) input.evidence = note || null;
    return [input];
  });
}

/** Where to resume: the first step with an unanswered statement, or the first step when all are answered. */
export function resumeStep(steps: readonly WizardStep[], draft: Draft): number {
  const index = steps.findIndex((s) => progressOf(s.statementKeys, draft).answered < s.statementKeys.length);
  return index < 0 ? 0 : index;
}

export type WizardCommand = 'next' | 'back' | 'save';

export interface WizardKeyEvent {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  defaultPrevented?: boolean;
  isComposing?: boolean;
  target?: EventTarget | null;
}

const NOT_TEXT = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True where a key types text: text fields and text areas, not radios or buttons. */
export function isTextEntry(target: EventTarget | null | undefined): boolean {
  const element = target as HTMLElement | null | undefined;
  if (!element || typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable) return true;
  return tag === 'INPUT' && !NOT_TEXT.has(((element as HTMLInputElement).type || 'text').toLowerCase());
}

/**
 * The wizard's shortcuts: Ctrl+S (⌘S) saves from anywhere; N and P move to the next and previous
 * section, except while typing a note, where they are letters.
 */
export function wizardCommandFor(event: WizardKeyEvent): WizardCommand | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') return 'save';
  if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return null;
  if (event.key === 'n' || event.key === 'N') return 'next';
  if (event.key === 'p' || event.key === 'P') return 'back';
  return null;
}

/** A descriptor's first clause, for a radio label: "CRM is a local tool chosen by one team". The full text stands above the answers. */
export function shortDescriptor(text: string, max = 72): string {
  const clause = text.split(/[;:.](\s|$)/)[0].trim();
  return clause.length <= max ? clause : `${clause.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
