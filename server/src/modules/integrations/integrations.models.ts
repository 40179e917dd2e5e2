import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsDate, IsEnum, IsIn, IsOptional, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Role } from '../../common/auth/roles';
import { trim } from '../../common/graphql/transforms';
import { WEBHOOK_EVENTS } from './webhook-signing';

@ObjectType({ description: 'An integration key: acts with its role and departments. The secret itself is never readable again' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID]) departmentIds!: string[];
  @Field({ description: 'The start of the key, e.g. bce_live_1a2b3c4d, to recognise it' }) prefix!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'To the minute' }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'The whole key: shown this once, stored only as a hash' }) key!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field(() => Role)
  @IsEnum(Role, { message: 'role must be admin, manager, staff or viewer' })
  role!: Role;

  @Field(() => [ID], { nullable: true, description: 'As a user\'s departments: which confidential records it can see' })
  @IsOptional()
  @ArrayUnique({ message: 'departmentIds must not repeat' })
  @IsUUID('all', { each: true, message: 'departmentIds must be department ids' })
  departmentIds?: string[];

  @Field(() => GraphQLISODateTime, { description: 'Required; at most two years ahead' })
  @IsDate({ message: 'expiresAt must be an instant' })
  expiresAt!: Date;
}

@ObjectType({ description: 'An endpoint that receives signed POSTs when records change' })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() url!: string;
  @Field(() => [String]) events!: string[];
  @Field() active!: boolean;
  @Field({ description: 'Confidential records are sent only when this is set' }) includeConfidential!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook) webhook!: Webhook;
  @Field({ description: 'The signing secret: shown this once' }) secret!: string;
}

const EVENTS_MESSAGE = `events must be chosen from ${WEBHOOK_EVENTS.join(', ')}`;

@InputType()
export class CreateWebhookInput {
  @Field()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field({ description: 'https (plain http to localhost only outside production)' })
  @Transform(trim)
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length, { message: EVENTS_MESSAGE })
  @ArrayUnique({ message: 'events must not repeat' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events!: string[];

  @Field({ nullable: true, defaultValue: true })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional() @IsBoolean()
  includeConfidential?: boolean;
}

@InputType()
export class UpdateWebhookInput {
  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @Field(() => [String], { nullable: true })
  @ValidateIf((_, v) => v !== undefined)
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayUnique({ message: 'events must not repeat' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: string[];

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined) @IsBoolean()
  active?: boolean;

  @Field({ nullable: true })
  @ValidateIf((_, v) => v !== undefined) @IsBoolean()
  includeConfidential?: boolean;
}

@ObjectType({ description: 'One event for one webhook, with its latest attempt' })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) webhookId!: string;
  @Field() event!: string;
  @Field({ description: 'pending, delivered or failed (given up)' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Int, { nullable: true }) lastResponseMs!: number | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) deliveredAt!: Date | null;
}
