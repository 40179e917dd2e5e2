import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Role } from '../../../common/auth/roles';
import { trim } from '../../../common/graphql/transforms';

const PASSWORD_RULE = 'must be at least 10 characters';

/** A new user who gets a generated one-time password (shown once to the admin who invites them). */
@InputType()
export class InviteUserInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field(() => Role)
  @IsEnum(Role, { message: 'role must be one of admin, manager, staff, viewer' })
  role!: Role;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'departmentIds must be department ids' })
  departmentIds?: string[];
}

/** A new user with a password the admin chose. */
@InputType()
export class CreateUserInput extends InviteUserInput {
  @Field()
  @MinLength(10, { message: `password ${PASSWORD_RULE}` })
  @MaxLength(200)
  password!: string;
}

/** Absent fields stay as they are; departmentIds replaces the whole set. */
@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Field(() => Role, { nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsEnum(Role, { message: 'role must be one of admin, manager, staff, viewer' })
  role?: Role;

  @Field(() => [ID], { nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'departmentIds must be department ids' })
  departmentIds?: string[];
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword!: string;

  @Field()
  @MinLength(10, { message: `newPassword ${PASSWORD_RULE}` })
  @MaxLength(200)
  newPassword!: string;
}

@ArgsType()
export class UsersArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Include deactivated users (admins only)' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}
