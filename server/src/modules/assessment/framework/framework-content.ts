import { FieldError } from '../../../common/graphql/errors';
import { LEVELS, MaturityLevel } from '../assessment.enums';
import seed from './jisc-crm-framework.json';

/** The framework as stored (jsonb) in each version: the text is data, not code. */
export interface FrameworkLevelContent {
  key: MaturityLevel;
  rank: number;
  name: string;
  alias: string | null;
  aliasSource: string | null;
  description: string;
}
export interface FrameworkSectionContent {
  key: string;
  title: string;
  summary: string;
}
export interface FrameworkStatementContent {
  key: string;
  text: string;
}
export interface FrameworkDimensionContent {
  key: string;
  title: string;
  summary: string;
  sectionKeys: string[];
  statements: FrameworkStatementContent[];
  descriptors: Record<MaturityLevel, string>;
  /** Steps to reach a level, keyed by the level they lead to. */
  recommendations: { tactical: string[]; strategic: string[] };
}
export interface FrameworkContent {
  title: string;
  source: string;
  levels: FrameworkLevelContent[];
  sections: FrameworkSectionContent[];
  dimensions: FrameworkDimensionContent[];
}

/** Version 1, shipped in the repository and inserted by the assessment migration. */
export const SEED_FRAMEWORK = seed as FrameworkContent;

/** Every statement key of a framework, in order. */
export const statementKeys = (content: FrameworkContent): string[] => content.dimensions.flatMap((d) => d.statements.map((s) => s.key));

/**
 * The rules class-validator cannot express: the three levels in order, unique keys, dimensions
 * that point at existing sections. Fields are named as paths into the input.
 */
export function frameworkProblems(content: FrameworkContent): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field, messages: [message] });
  if (content.levels.map((l) => l.key).join() !== LEVELS.join()) add('input.levels', 'levels must be peripheral, tactical and strategic, in that order');
  const duplicated = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
  for (const key of duplicated(content.sections.map((s) => s.key))) add('input.sections', `section key ${key} is used twice`);
  for (const key of duplicated(content.dimensions.map((d) => d.key))) add('input.dimensions', `dimension key ${key} is used twice`);
  for (const key of duplicated(statementKeys(content))) add('input.dimensions', `statement key ${key} is used twice`);
  const sections = new Set(content.sections.map((s) => s.key));
  content.dimensions.forEach((d, i) => {
    const unknown = d.sectionKeys.filter((k) => !sections.has(k));
    if (unknown.length) add(`input.dimensions.${i}.sectionKeys`, `sectionKeys must name sections of the framework (unknown: ${unknown.join(', ')})`);
  });
  return problems;
}
