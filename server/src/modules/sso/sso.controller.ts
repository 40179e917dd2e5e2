import { Body, Controller, Get, Inject, Logger, NotFoundException, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { AuthService } from '../user/auth.service';
import { OidcService } from './oidc.service';
import { ProvisioningService } from './provisioning.service';
import { SamlService } from './saml.service';
import { SsoError, SsoProfile } from './sso-profile';
import { clearStateCookie, readStateCookie, setStateCookie } from './sso-state';

/**
 * The browser side of single sign-on. A completed sign-in lands on the client at
 * /sign-in/complete#token=… (a fragment: it never reaches a server or its logs); a failed one at
 * /sign-in?error=<reason>. The token is the same one the password login issues.
 */
@Controller('auth')
@Public()
export class SsoController {
  private readonly log = new Logger(SsoController.name);

  constructor(
    private readonly oidc: OidcService, private readonly saml: SamlService,
    private readonly provisioning: ProvisioningService, private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('oidc/login')
  async oidcLogin(@Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    await this.respond(res, async () => {
      const { url, state } = await this.oidc.start();
      setStateCookie(res, state, this.secure);
      return url;
    });
  }

  @Get('oidc/callback')
  async oidcCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    const state = readStateCookie(req);
    clearStateCookie(res, this.secure);
    await this.respond(res, async () => this.complete(await this.oidc.finish(req, state)));
  }

  @Get('saml/login')
  async samlLogin(@Res() res: Response): Promise<void> {
    if (!this.saml.enabled) throw new NotFoundException();
    await this.respond(res, () => this.saml.loginUrl());
  }

  @Post('saml/acs')
  async samlAcs(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    if (!this.saml.enabled) throw new NotFoundException();
    await this.respond(res, async () => this.complete(await this.saml.finish(body)));
  }

  @Get('saml/metadata')
  samlMetadata(@Res() res: Response): void {
    if (!this.saml.enabled) throw new NotFoundException();
    res.type('application/samlmetadata+xml').send(this.saml.metadata());
  }

  private async complete(profile: SsoProfile): Promise<string> {
    const user = await this.provisioning.signIn(profile);
    this.log.log(`${profile.provider} sign-in: user ${user.id} (${user.role})`);
    return `/sign-in/complete#token=${encodeURIComponent(await this.auth.issueToken(user))}`;
  }

  /** Redirects (303: the browser follows with a GET) to where `step` says, or to the sign-in page with the reason it failed. */
  private async respond(res: Response, step: () => Promise<string>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.redirect(303, await step());
    } catch (error) {
      const failure = error instanceof SsoError ? error.failure : 'failed';
      this.log.warn(`single sign-on failed (${failure}): ${(error as Error).message}`);
      res.redirect(303, `/sign-in?error=sso_${failure}`);
    }
  }

  private get secure(): boolean {
    return this.config.nodeEnv === 'production' || Boolean(this.config.sso.publicUrl?.startsWith('https:'));
  }
}
