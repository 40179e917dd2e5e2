import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { BaseClient, custom, generators, Issuer } from 'openid-client';
import { JWT_SECRET } from '../../common/auth/jwt-secret';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { OidcConfig } from '../../config/sso-config';
import { SsoError, SsoProfile, stringList } from './sso-profile';
import { STATE_TTL_SECONDS } from './sso-state';

const CLOCK_TOLERANCE_SECONDS = 60;

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * OpenID Connect sign-in: the authorization-code flow with PKCE (S256), state and nonce. The
 * issuer is discovered on first use (and again after a failed discovery), so the CRM starts even
 * when the IdP is down.
 */
@Injectable()
export class OidcService {
  private client?: Promise<BaseClient>;
  private readonly stateSecret: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly jwt: JwtService, @Inject(JWT_SECRET) jwtSecret: string) {
    // A key of its own, so a state cookie can never pass as an access token or the reverse.
    this.stateSecret = `${jwtSecret}:oidc-state`;
  }

  get enabled(): boolean {
    return Boolean(this.config.sso.oidc);
  }

  /** Where to send the browser, and the signed state to keep in its cookie. */
  async start(): Promise<{ url: string; state: string }> {
    const client = await this.discover();
    const flow: FlowState = { state: generators.state(), nonce: generators.nonce(), verifier: generators.codeVerifier() };
    const url = client.authorizationUrl({
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: generators.codeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url, state: await this.jwt.signAsync(flow, { secret: this.stateSecret, expiresIn: STATE_TTL_SECONDS }) };
  }

  /** Checks the callback against the state cookie, redeems the code and reads who signed in. */
  async finish(req: Request, signedState: string | undefined): Promise<SsoProfile> {
    const flow = await this.verifyState(signedState);
    const client = await this.discover();
    const params = client.callbackParams(req);
    if (params.state !== flow.state) throw new SsoError('state', 'the callback state does not match this browser\'s sign-in');
    if (params.error) throw new SsoError('idp', `the identity provider answered ${params.error}: ${params.error_description ?? ''}`);
    const tokens = await client.callback(this.settings.redirectUri, params, { state: flow.state, nonce: flow.nonce, code_verifier: flow.verifier })
      .catch((e: Error) => { throw new SsoError('idp', `the code could not be redeemed: ${e.message}`); });
    const claims: Record<string, unknown> = { ...tokens.claims() };
    // Many providers put email and groups only in userinfo for the code flow; openid-client checks its sub is the ID token's.
    if (client.issuer.metadata.userinfo_endpoint && tokens.access_token) Object.assign(claims, await client.userinfo(tokens));
    const email = claims.email_verified === false ? null : stringList(claims.email)[0] ?? null;
    return {
      provider: 'oidc',
      subject: String(claims.sub),
      email,
      name: stringList(claims.name)[0] ?? null,
      groups: stringList(claims[this.settings.groupsClaim]),
    };
  }

  private get settings(): OidcConfig {
    if (!this.config.sso.oidc) throw new SsoError('not_configured', 'OIDC sign-in is not configured');
    return this.config.sso.oidc;
  }

  private async verifyState(signed: string | undefined): Promise<FlowState> {
    if (!signed) throw new SsoError('state', 'no sign-in was started in this browser (or it took over 10 minutes)');
    return this.jwt.verifyAsync<FlowState>(signed, { secret: this.stateSecret, algorithms: ['HS256'] })
      .catch(() => { throw new SsoError('state', 'the sign-in state is invalid or has expired'); });
  }

  private discover(): Promise<BaseClient> {
    const settings = this.settings;
    this.client ??= Issuer.discover(settings.issuer).then(
      (issuer) => {
        const client = new issuer.Client({
          client_id: settings.clientId, client_secret: settings.clientSecret,
          redirect_uris: [settings.redirectUri], response_types: ['code'],
        });
        // The IdP's clock and ours may differ by a little: an ID token "issued in the future" by seconds is still good.
        client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
        return client;
      },
      (e: Error) => {
        this.client = undefined;
        throw new SsoError('idp', `the OIDC issuer ${settings.issuer} could not be discovered: ${e.message}`);
      },
    );
    return this.client;
  }
}
