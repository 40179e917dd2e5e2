import { Inject, Injectable } from '@nestjs/common';
import { generateServiceProviderMetadata, Profile, SAML, ValidateInResponseTo } from '@node-saml/passport-saml';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { SamlConfig } from '../../config/sso-config';
import { SAML_REQUEST_TTL_MS, SamlRequestCache } from './saml-request-cache';
import { SsoError, SsoProfile, stringList } from './sso-profile';

// Where IdPs commonly put the email address and display name (eduPerson / LDAP OIDs, Microsoft claim URIs, plain names).
const EMAIL_ATTRIBUTES = ['email', 'mail', 'urn:oid:0.9.2342.19200300.100.1.3', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'];
const NAME_ATTRIBUTES = ['displayName', 'urn:oid:2.16.840.1.113730.3.1.241', 'name', 'cn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'];

/**
 * SAML 2.0 sign-in (SP-initiated, HTTP-Redirect to the IdP, HTTP-POST back to the ACS). The
 * assertion must be signed by SAML_IDP_CERT, name us as its audience, be within its validity
 * window, and answer a request we sent in the last ten minutes (once).
 */
@Injectable()
export class SamlService {
  private saml?: SAML;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly db: DataSource) {}

  get enabled(): boolean {
    return Boolean(this.config.sso.saml);
  }

  loginUrl(): Promise<string> {
    return this.instance().getAuthorizeUrlAsync('', undefined, {});
  }

  async finish(body: Record<string, unknown>): Promise<SsoProfile> {
    if (typeof body?.SAMLResponse !== 'string') throw new SsoError('idp', 'the POST carried no SAMLResponse');
    const { profile } = await this.instance().validatePostResponseAsync({ SAMLResponse: body.SAMLResponse })
      .catch((e: Error) => { throw new SsoError('idp', `the SAML response was refused: ${e.message}`); });
    if (!profile?.nameID) throw new SsoError('idp', 'the SAML response named nobody');
    return this.toProfile(profile);
  }

  /** Our SP metadata, for the IdP administrator to import. */
  metadata(): string {
    const s = this.settings;
    return generateServiceProviderMetadata({ issuer: s.issuer, callbackUrl: s.acsUrl, identifierFormat: null, wantAssertionsSigned: true });
  }

  private toProfile(profile: Profile): SsoProfile {
    const first = (names: string[]) => names.map((n) => stringList(profile[n])[0]).find(Boolean) ?? null;
    const nameIdIsEmail = /^[^@\s]+@[^@\s]+$/.test(profile.nameID);
    return {
      provider: 'saml',
      subject: profile.nameID,
      email: first(EMAIL_ATTRIBUTES) ?? (nameIdIsEmail ? profile.nameID : null),
      name: first(NAME_ATTRIBUTES),
      groups: stringList(profile[this.settings.groupsAttribute]),
    };
  }

  private get settings(): SamlConfig {
    if (!this.config.sso.saml) throw new SsoError('not_configured', 'SAML sign-in is not configured');
    return this.config.sso.saml;
  }

  private instance(): SAML {
    const s = this.settings;
    this.saml ??= new SAML({
      entryPoint: s.entryPoint,
      idpCert: s.idpCerts,
      issuer: s.issuer,
      audience: s.issuer,
      idpIssuer: s.idpIssuer,
      callbackUrl: s.acsUrl,
      identifierFormat: null,
      wantAssertionsSigned: true,
      // Many IdPs sign only the assertion; the assertion's signature is the one that vouches for the person.
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SAML_REQUEST_TTL_MS,
      cacheProvider: new SamlRequestCache(this.db),
      acceptedClockSkewMs: 60_000,
    });
    return this.saml;
  }
}
