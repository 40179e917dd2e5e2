import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** An internal unit (faculty, school, service, campus); every engagement and opportunity belongs to one. */
@ObjectType()
@Entity('departments')
export class Department extends BaseRecord {
  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Short code, e.g. ENG' })
  @Column({ type: 'text' })
  code!: string;
}
