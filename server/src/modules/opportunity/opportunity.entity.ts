import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { penceColumn, PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { FundingSource, IpIncomeType, OpportunityType } from './opportunity.enums';

/** Potential BCE business with an organisation, owned by a department, moving through the pipeline stages. */
@ObjectType()
@Entity('opportunities')
export class Opportunity extends BaseRecord {
  @Field() @Column({ type: 'text' }) title!: string;
  @Field(() => OpportunityType) @Column({ type: 'text' }) type!: OpportunityType;
  @Field(() => ID) @Column({ name: 'stage_id', type: 'uuid' }) stageId!: string;
  @Field(() => PenceScalar, { description: 'Value in pence (GBP × 100)' })
  @Column({ name: 'value_pence', type: 'bigint', default: 0, transformer: penceColumn }) valuePence!: number;
  @Field(() => Int, { nullable: true, description: "0–100; null means the stage's default probability" })
  @Column({ type: 'int', nullable: true }) probability!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) @Column({ name: 'expected_close_date', type: 'date', nullable: true }) expectedCloseDate!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date delivery starts (multi-year contracts)' }) @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date delivery ends' }) @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Field(() => ID) @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Field(() => ID) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Field(() => String, { nullable: true, description: 'Why it was lost (set when moved to a lost stage)' })
  @Column({ name: 'lost_reason', type: 'text', nullable: true }) lostReason!: string | null;
  @Field({ description: 'Visible only to its department, managers and admins' }) @Column({ type: 'boolean', default: false }) confidential!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it entered a won stage' })
  @Column({ name: 'won_at', type: 'timestamptz', nullable: true }) wonAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it entered a won or lost stage' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;

  // HE-BCI: what the return needs beyond the value (see opportunity.hebci.ts for which types record what).
  @Field(() => FundingSource, { nullable: true, description: 'HE-BCI funding source: Table 1 sub-heading for collaborative research and KTP, Table 3 source for regeneration' })
  @Column({ name: 'funding_source', type: 'text', nullable: true }) fundingSource!: FundingSource | null;
  @Field(() => PenceScalar, { nullable: true, description: 'Collaborative research and KTP: the collaborator’s contractually explicit in-kind contribution (pence)' })
  @Column({ name: 'in_kind_pence', type: 'bigint', nullable: true, transformer: penceColumn }) inKindPence!: number | null;
  @Field(() => Int, { nullable: true, description: 'CPD: learner days delivered' })
  @Column({ name: 'cpd_learner_days', type: 'int', nullable: true }) cpdLearnerDays!: number | null;
  @Field(() => IpIncomeType, { nullable: true, description: 'IP licensing: the HE-BCI Table 4 income type' })
  @Column({ name: 'ip_income_type', type: 'text', nullable: true }) ipIncomeType!: IpIncomeType | null;
  @Field(() => PenceScalar, { nullable: true, description: 'KTP: the grant part of the value (pence); with ktpCompanyPence it sums to the value' })
  @Column({ name: 'ktp_grant_pence', type: 'bigint', nullable: true, transformer: penceColumn }) ktpGrantPence!: number | null;
  @Field(() => PenceScalar, { nullable: true, description: 'KTP: the company contribution part of the value (pence)' })
  @Column({ name: 'ktp_company_pence', type: 'bigint', nullable: true, transformer: penceColumn }) ktpCompanyPence!: number | null;
}
