import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { penceColumn, PenceScalar } from '../../common/graphql/scalars/pence.scalar';

/** One income instalment of a contract; HE-BCI counts it in the academic year it is received (or due, until received). */
@ObjectType()
@Entity('opportunity_instalments')
export class OpportunityInstalment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'opportunity_id', type: 'uuid' }) opportunityId!: string;
  @Field({ description: 'ISO date it is due' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'ISO date it was received' }) @Column({ name: 'received_on', type: 'date', nullable: true }) receivedOn!: string | null;
  @Field(() => PenceScalar) @Column({ name: 'amount_pence', type: 'bigint', transformer: penceColumn }) amountPence!: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
