import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** An internal unit (faculty, school, service, campus); every engagement and opportunity belongs to one. */
@ObjectType()
@Entity('departments')
export class Department extends BaseRecord {
  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Short code, e.g. ENG: upper case, unique among live departments' })
  @Column({ type: 'text' })
  code!: string;

  @Field(() => ID, { nullable: true, description: 'The unit this one sits in (a school in its faculty); null at the top' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;
}
