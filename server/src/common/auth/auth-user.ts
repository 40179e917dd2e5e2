import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './roles';

/** The signed-in user as the request knows them (from the token, checked against the database). */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  departmentIds: string[];
  /** Set when the request came with an API key rather than a sign-in: the key acts with its own role and departments. */
  apiKeyId?: string;
}

export interface JwtPayload {
  sub: string;
  role: Role;
  /** The user's token version when it was issued; tokens from before it existed count as version 1. */
  tv?: number;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser =>
  GqlExecutionContext.create(context).getContext().req.user,
);
