import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trim } from '../../../common/graphql/transforms';

/** "eng " and "Eng" are the same code: stored upper case without spaces, as the table's CHECK requires. */
export const normaliseCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value);

const CODE_RULE = /^[A-Z0-9]{2,12}$/;
const CODE_MESSAGE = 'code must be 2 to 12 letters or digits, e.g. ENG';

@InputType()
export class CreateDepartmentInput {
  @Field({ description: 'Short code, e.g. ENG (any case; stored upper case)' })
  @Transform(normaliseCode)
  @Matches(CODE_RULE, { message: CODE_MESSAGE })
  code!: string;

  @Field()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The parent unit, e.g. the faculty of a school' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a department id' })
  parentId?: string | null;
}

/** Absent fields stay as they are; parentId null moves the department to the top. */
@InputType()
export class UpdateDepartmentInput {
  // Null is validated (and refused) rather than skipped: a department always has a code and a name.
  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(normaliseCode)
  @Matches(CODE_RULE, { message: CODE_MESSAGE })
  code?: string;

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @Field(() => ID, { nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'parentId must be a department id' })
  parentId?: string | null;
}

@ArgsType()
export class DepartmentsArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Include archived departments (admins only)' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}
