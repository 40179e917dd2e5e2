import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { Role } from '../../common/auth/roles';

/**
 * A member of staff who signs in. Deactivating a user archives them (deleted_at): every check for
 * a live user (sign-in, tokens, task assignees, owner pickers) already reads that mark.
 */
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

  /** Carried in every token; bumping it ends all of the user's sessions at once. Never exposed. */
  @Column({ name: 'token_version', type: 'int', default: 1 })
  tokenVersion!: number;

  /** Exposed to admins only (User.lastSignInAt resolves it). */
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
