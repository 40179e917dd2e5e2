import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('should default to port 3000, the embedded database and demo data', () => {
    const config = loadConfig({}, '/repo');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.dataDir).toBe('/repo/.data');
  });

  it('should turn demo data off by default when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/bce' }, '/repo');
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/bce');
    expect(config.demoData).toBe(false);
  });

  it('should name each bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' }, '/repo')).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x' }, '/repo');
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL must be a postgres/);
    }
  });

  it('should require JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }, '/repo')).toThrow(/JWT_SECRET/);
  });

  it('should limit each user to 1200 requests a minute unless told, 0 switching it off', () => {
    expect(loadConfig({}, '/repo').rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }, '/repo').rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' }, '/repo')).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number/);
  });

  it('should trust no proxy unless told, reading hop counts as numbers', () => {
    expect(loadConfig({}, '/repo').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, '/repo').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, '/repo').trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone; rm -rf' }, '/repo')).toThrow(/TRUST_PROXY must be/);
  });
});

describe('loadConfig: single sign-on', () => {
  const OIDC = { PUBLIC_URL: 'https://crm.college.ac.uk/', OIDC_ISSUER: 'https://idp.college.ac.uk', OIDC_CLIENT_ID: 'bce', OIDC_CLIENT_SECRET: 's3cret' };

  it('should leave SSO off and password sign-in on by default', () => {
    const { sso } = loadConfig({}, '/repo');
    expect(sso).toMatchObject({ oidc: undefined, saml: undefined, localLogin: true, defaultRole: 'viewer', breakGlassEmails: [] });
    expect(sso.groupRoles.size).toBe(0);
  });

  it('should build OIDC settings with defaults and the callback from PUBLIC_URL', () => {
    const { sso } = loadConfig(OIDC, '/repo');
    expect(sso.oidc).toEqual({
      issuer: 'https://idp.college.ac.uk', clientId: 'bce', clientSecret: 's3cret', scopes: 'openid email profile', groupsClaim: 'groups',
      label: 'Sign in with your institution', redirectUri: 'https://crm.college.ac.uk/auth/oidc/callback',
    });
  });

  it('should name the missing half of a provider and a missing PUBLIC_URL', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' }, '/repo')).toThrow(/OIDC_CLIENT_ID: is required[\s\S]*OIDC_CLIENT_SECRET: is required/);
    expect(() => loadConfig({ ...OIDC, PUBLIC_URL: undefined }, '/repo')).toThrow(/PUBLIC_URL: is required for single sign-on/);
    expect(() => loadConfig({ SAML_ENTRY_POINT: 'https://idp.example/sso', PUBLIC_URL: 'http://localhost:3000' }, '/repo')).toThrow(/SAML_IDP_CERT: is required/);
    const both = { ...OIDC, PUBLIC_URL: undefined, SAML_ENTRY_POINT: 'https://idp.example/sso', SAML_IDP_CERT: 'MIIB' };
    expect(() => loadConfig(both, '/repo')).toThrow(/^(?![\s\S]*PUBLIC_URL[\s\S]*PUBLIC_URL)/);
    expect(() => loadConfig({ ...OIDC, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLIC_URL: 'http://crm.college.ac.uk' }, '/repo')).toThrow(/PUBLIC_URL: must be https/);
  });

  it('should parse SSO_GROUP_ROLES and name a bad pair', () => {
    const { sso } = loadConfig({ ...OIDC, SSO_GROUP_ROLES: 'BCE-Admins=admin, bce-managers=manager,staff=staff' }, '/repo');
    expect([...sso.groupRoles]).toEqual([['bce-admins', 'admin'], ['bce-managers', 'manager'], ['staff', 'staff']]);
    expect(() => loadConfig({ ...OIDC, SSO_GROUP_ROLES: 'bce-admins=root,=staff' }, '/repo')).toThrow(/"bce-admins=root" is not group=role[\s\S]*"=staff"/);
  });

  it('should accept a SAML certificate as its bare base64 body and default the SP entity id', () => {
    const { sso } = loadConfig({ PUBLIC_URL: 'http://localhost:3000', SAML_ENTRY_POINT: 'https://idp.example/sso', SAML_IDP_CERT: 'MIIBabc\nDEF=' }, '/repo');
    expect(sso.saml).toMatchObject({
      idpCerts: ['-----BEGIN CERTIFICATE-----\nMIIBabcDEF=\n-----END CERTIFICATE-----'],
      issuer: 'http://localhost:3000/auth/saml/metadata', acsUrl: 'http://localhost:3000/auth/saml/acs', groupsAttribute: 'groups',
    });
  });

  it('should refuse LOCAL_LOGIN=false without any SSO provider, and read break-glass emails', () => {
    expect(() => loadConfig({ LOCAL_LOGIN: 'false' }, '/repo')).toThrow(/LOCAL_LOGIN: cannot be false unless OIDC or SAML/);
    const { sso } = loadConfig({ ...OIDC, LOCAL_LOGIN: 'off', BREAK_GLASS_EMAILS: ' Admin@College.ac.uk , ops@college.ac.uk' }, '/repo');
    expect(sso).toMatchObject({ localLogin: false, breakGlassEmails: ['admin@college.ac.uk', 'ops@college.ac.uk'] });
    expect(() => loadConfig({ ...OIDC, BREAK_GLASS_EMAILS: 'nobody' }, '/repo')).toThrow(/"nobody" is not an email/);
  });

  it('should refuse an unknown default role and a bad department code', () => {
    expect(() => loadConfig({ SSO_DEFAULT_ROLE: 'root', SSO_DEFAULT_DEPARTMENT: 'eng dept' }, '/repo')).toThrow(/SSO_DEFAULT_ROLE[\s\S]*SSO_DEFAULT_DEPARTMENT/);
  });
});
