import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../../common/auth/roles';
import { trim } from '../../../common/graphql/transforms';

@InputType()
export class CreateUserInput {
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

  @Field()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @Field(() => Role)
  @IsEnum(Role, { message: 'role must be one of admin, manager, staff, viewer' })
  role!: Role;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'departmentIds must be department ids' })
  departmentIds?: string[];
}
