import { Module } from '@nestjs/common';
import { UserModule } from '../user/user.module';
import { OidcService } from './oidc.service';
import { ProvisioningService } from './provisioning.service';
import { SamlService } from './saml.service';
import { SsoController } from './sso.controller';
import { SsoResolver } from './sso.resolver';

/** Single sign-on through the institution's identity provider (OpenID Connect, SAML 2.0). */
@Module({ imports: [UserModule], controllers: [SsoController], providers: [OidcService, SamlService, ProvisioningService, SsoResolver] })
export class SsoModule {}
