import { registerEnumType } from '@nestjs/graphql';

/** The JISC maturity levels, lowest first; an answer's level is the rank (1, 2 or 3). */
export enum MaturityLevel {
  peripheral = 'peripheral',
  tactical = 'tactical',
  strategic = 'strategic',
}
export const LEVELS = [MaturityLevel.peripheral, MaturityLevel.tactical, MaturityLevel.strategic] as const;
export const levelOfRank = (rank: number): MaturityLevel => LEVELS[rank - 1];
export const rankOf = (level: MaturityLevel): number => LEVELS.indexOf(level) + 1;

export enum AssessmentStatus {
  in_progress = 'in_progress',
  completed = 'completed',
}

export enum AssessmentScope {
  institution = 'institution',
  department = 'department',
}

/** How a dimension's self-score compares with what the CRM's own data suggests. */
export enum EvidenceAgreement {
  agrees = 'agrees',
  self_higher = 'self_higher',
  self_lower = 'self_lower',
}

registerEnumType(MaturityLevel, { name: 'MaturityLevel', description: 'JISC CRM maturity: peripheral (KSA: operational) → tactical → strategic' });
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
registerEnumType(AssessmentScope, { name: 'AssessmentScope', description: 'The whole institution, or one department' });
registerEnumType(EvidenceAgreement, {
  name: 'EvidenceAgreement',
  description: "agrees: the self-score matches the evidence; self_higher: respondents rate the dimension above what the data suggests; self_lower: below it",
});
