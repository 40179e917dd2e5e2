import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { Role } from '../../common/auth/roles';

/** A member of staff who signs in. */
@ObjectType()
@Entity('users')
export class User extends BaseRecord {
  @Field()
  @Column({ type: 'text' })
  email!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  /** Null for people who cannot sign in (e.g. demo owners). Never exposed through GraphQL. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Field(() => Role)
  @Column({ type: 'text' })
  role!: Role;
}
