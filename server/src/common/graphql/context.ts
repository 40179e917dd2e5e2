import type { Request } from 'express';
import { AuthUser } from '../auth/auth-user';
import { Loaders } from '../dataloader/loaders';

/**
 * What every resolver gets: the request (with the signed-in user) and this request's DataLoaders.
 * A field resolver that needs only its parent and this takes graphql-js's own arguments,
 * `field(parent: T, _args: unknown, ctx: GqlContext)`, with no @Parent()/@Context(): @nestjs/graphql
 * then binds the method directly rather than run its context creator and pipes on every call
 * (~15 µs each; a board of 200 cards makes 1,000 such calls). Fields with @Args keep the
 * decorators, so their arguments are validated.
 */
export interface GqlContext {
  req: Request & { user: AuthUser };
  loaders: Loaders;
}
