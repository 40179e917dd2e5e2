import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { SignInMethods } from './models/sign-in-methods.model';

@Resolver()
export class SsoResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => SignInMethods, { description: 'Public: what the sign-in page offers' })
  @Public()
  signInMethods(): SignInMethods {
    const { localLogin, oidc, saml } = this.config.sso;
    return { local: localLogin, oidc: Boolean(oidc), saml: Boolean(saml), oidcLabel: oidc?.label ?? null, samlLabel: saml?.label ?? null };
  }
}
