import type { Request } from 'express';
import { AuthUser } from '../auth/auth-user';
import { Loaders } from '../dataloader/loaders';

/** What every resolver gets: the request (with the signed-in user) and this request's DataLoaders. */
export interface GqlContext {
  req: Request & { user: AuthUser };
  loaders: Loaders;
}
