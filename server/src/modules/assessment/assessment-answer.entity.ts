import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One respondent's answer to one statement: the level (1 peripheral, 2 tactical, 3 strategic) and an optional evidence note. */
@ObjectType()
@Entity('assessment_answers')
export class AssessmentAnswer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Field(() => ID) @Column({ name: 'respondent_id', type: 'uuid' }) respondentId!: string;
  @Field() @Column({ name: 'statement_key', type: 'text' }) statementKey!: string;
  @Field(() => Int, { description: '1 peripheral, 2 tactical, 3 strategic' }) @Column({ type: 'int' }) level!: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) evidence!: string | null;
  @Field(() => GraphQLISODateTime) @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
