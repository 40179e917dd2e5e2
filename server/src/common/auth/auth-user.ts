import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './roles';

/** The signed-in user as the request knows them (from the token, checked against the database). */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  departmentIds: string[];
}

export interface JwtPayload {
  sub: string;
  role: Role;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser =>
  GqlExecutionContext.create(context).getContext().req.user,
);
