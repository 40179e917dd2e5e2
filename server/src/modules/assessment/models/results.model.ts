import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '../../user/user.entity';
import { EvidenceAgreement, MaturityLevel } from '../assessment.enums';
import { EvidenceIndicatorKey } from '../evidence-levels';

registerEnumType(EvidenceIndicatorKey, { name: 'EvidenceIndicatorKey' });

@ObjectType({ description: 'How many answers sit at each level, with the lowest and highest given' })
export class LevelSpread {
  @Field(() => Int) peripheral!: number;
  @Field(() => Int) tactical!: number;
  @Field(() => Int) strategic!: number;
  @Field(() => MaturityLevel, { nullable: true }) min!: MaturityLevel | null;
  @Field(() => MaturityLevel, { nullable: true }) max!: MaturityLevel | null;
}

@ObjectType()
export class StatementResult {
  @Field() statementKey!: string;
  @Field(() => Int) answerCount!: number;
  @Field(() => Float, { nullable: true, description: 'Mean answer, 1–3' }) score!: number | null;
  @Field(() => LevelSpread) spread!: LevelSpread;
}

@ObjectType({ description: "A dimension's level from every respondent's answers, set beside the evidence from the CRM's data" })
export class DimensionResult {
  @Field() dimensionKey!: string;
  @Field() title!: string;
  @Field(() => Float, { nullable: true, description: 'Mean of all answers to its statements, 1–3; null before any answer' }) score!: number | null;
  @Field(() => MaturityLevel, { nullable: true }) level!: MaturityLevel | null;
  @Field(() => Int) answerCount!: number;
  @Field(() => Int) respondentCount!: number;
  @Field(() => LevelSpread) spread!: LevelSpread;
  @Field(() => [StatementResult]) statements!: StatementResult[];
  @Field(() => MaturityLevel, { nullable: true, description: 'The level to work towards; null when strategic or unanswered' }) nextLevel!: MaturityLevel | null;
  @Field(() => [String], { description: "The framework's steps towards nextLevel" }) recommendations!: string[];
  @Field(() => MaturityLevel, { nullable: true, description: 'The lowest level its evidence indicators suggest; null when none measures it' })
  evidenceLevel!: MaturityLevel | null;
  @Field(() => EvidenceAgreement, { nullable: true }) agreement!: EvidenceAgreement | null;
}

@ObjectType({ description: 'A figure computed from the CRM itself, with the level it suggests' })
export class EvidenceIndicator {
  @Field(() => EvidenceIndicatorKey) key!: EvidenceIndicatorKey;
  @Field() title!: string;
  @Field() dimensionKey!: string;
  @Field({ description: 'share (0–1) or working_days' }) unit!: string;
  @Field(() => Float, { nullable: true, description: 'Null when there is nothing to measure' }) value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field() higherIsBetter!: boolean;
  @Field(() => Float, { description: 'From this value (at or above; at or below when lower is better) it suggests tactical' }) tacticalFrom!: number;
  @Field(() => Float, { description: '… and strategic' }) strategicFrom!: number;
  @Field(() => MaturityLevel, { nullable: true, description: 'The level the value suggests' }) level!: MaturityLevel | null;
  @Field(() => MaturityLevel, { nullable: true, description: "Respondents' level for its dimension" }) selfLevel!: MaturityLevel | null;
  @Field(() => EvidenceAgreement, { nullable: true }) agreement!: EvidenceAgreement | null;
}

@ObjectType()
export class AssessmentResults {
  @Field(() => Float, { nullable: true, description: 'Mean of the dimension scores' }) overallScore!: number | null;
  @Field(() => MaturityLevel, { nullable: true }) overallLevel!: MaturityLevel | null;
  @Field(() => Int) respondentCount!: number;
  @Field(() => Int) answerCount!: number;
  @Field(() => [DimensionResult]) dimensions!: DimensionResult[];
  @Field(() => [String], { description: 'Dimension keys: up to three highest scoring, above the overall score' }) strengths!: string[];
  @Field(() => [String], { description: 'Dimension keys: up to three lowest scoring, below the overall score' }) gaps!: string[];
  @Field(() => [EvidenceIndicator]) evidence!: EvidenceIndicator[];
  @Field({ description: 'ISO day the evidence was measured: the completion day, or today while in progress' }) evidenceAsOf!: string;
  @Field(() => [String], { description: 'Where self-score and evidence disagree, in words' }) disagreements!: string[];
}

@ObjectType({ description: "One dimension's score and level: what a radar chart plots" })
export class DimensionLevel {
  @Field() dimensionKey!: string;
  @Field() title!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => MaturityLevel, { nullable: true }) level!: MaturityLevel | null;
}

@ObjectType({ description: 'How far a respondent has got' })
export class AssessmentRespondent {
  @Field(() => User) user!: User;
  @Field(() => Int) answered!: number;
  @Field(() => Int) total!: number;
  @Field({ description: 'Every statement answered' }) complete!: boolean;
  @Field(() => GraphQLISODateTime) lastAnsweredAt!: Date;
}

@ObjectType()
export class ProgressItem {
  @Field() key!: string;
  @Field() title!: string;
  @Field(() => Int) answered!: number;
  @Field(() => Int) total!: number;
}

@ObjectType({ description: "The signed-in user's progress, overall and per section and dimension" })
export class AssessmentProgress {
  @Field(() => Int) answered!: number;
  @Field(() => Int) total!: number;
  @Field(() => [ProgressItem]) sections!: ProgressItem[];
  @Field(() => [ProgressItem]) dimensions!: ProgressItem[];
}
