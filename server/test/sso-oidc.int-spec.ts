import request from 'supertest';
import { OidcProviderProcess, startOidcProvider } from './support/oidc-provider-process';
import { signInAtProvider, startOidcSignIn } from './support/sso';
import { codeOf, createTestApp, TestApp } from './support/test-app';

const PUBLIC_URL = 'http://crm.test';
const REDIRECT = `${PUBLIC_URL}/auth/oidc/callback`;
const ME = '{ me { email name role departments { code } } }';

/** Single sign-on against a real OpenID Connect provider (oidc-provider) in its own process. */
describe('OpenID Connect sign-in', () => {
  let t: TestApp;
  let idp: OidcProviderProcess;

  beforeAll(async () => {
    idp = await startOidcProvider(REDIRECT);
    t = await createTestApp({
      env: {
        PUBLIC_URL, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'bce-crm', OIDC_CLIENT_SECRET: 'test-only-client-secret',
        OIDC_SCOPES: 'openid email profile groups', SSO_GROUP_ROLES: 'bce-admins=admin,bce-managers=manager,staff=staff',
        SSO_DEFAULT_DEPARTMENT: 'ENG',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    idp?.stop();
  });

  /** The whole browser journey: our login redirect, the IdP's forms, our callback. */
  async function signIn(account: string): Promise<request.Response> {
    const { location, cookie } = await startOidcSignIn(t);
    const back = await signInAtProvider(location, account, REDIRECT);
    return request(t.app.getHttpServer()).get(back.pathname + back.search).set('cookie', cookie);
  }

  function tokenOf(res: request.Response): string {
    expect(res.status).toBe(303);
    const match = res.headers.location.match(/^\/sign-in\/complete#token=(.+)$/);
    if (!match) throw new Error(`signed in nowhere: ${res.headers.location}`);
    return decodeURIComponent(match[1]);
  }

  it('tells the sign-in page that OIDC is on, SAML off and passwords still on', async () => {
    const res = await t.gql('{ signInMethods { local oidc saml oidcLabel samlLabel } }');
    expect(res.data.signInMethods).toEqual({ local: true, oidc: true, saml: false, oidcLabel: 'Sign in with your institution', samlLabel: null });
  });

  it('sends the browser to the issuer with PKCE (S256), state and nonce', async () => {
    const { location } = await startOidcSignIn(t);
    const url = new URL(location);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'bce-crm', response_type: 'code', redirect_uri: REDIRECT, scope: 'openid email profile groups', code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
  });

  it('provisions a new user on first sign-in with the default role, no password and the default department', async () => {
    await idp.setAccount('ada-sub', { email: 'Ada.Lovelace@college.ac.uk', name: 'Ada Lovelace', groups: ['students'] });
    const token = tokenOf(await signIn('ada-sub'));
    const me = await t.gql(ME, {}, token);
    expect(me.data.me).toEqual({ email: 'ada.lovelace@college.ac.uk', name: 'Ada Lovelace', role: 'viewer', departments: [{ code: 'ENG' }] });
    const [row] = await t.db.query(`SELECT u.password_hash, i.provider, i.subject FROM users u JOIN user_identities i ON i.user_id = u.id WHERE u.email = $1`, ['ada.lovelace@college.ac.uk']);
    expect(row).toEqual({ password_hash: null, provider: 'oidc', subject: 'ada-sub' });
    const [audit] = await t.db.query(`SELECT action, changes->'role'->>'new' AS role FROM audit_events WHERE entity_type = 'user' AND entity_id = (SELECT id FROM users WHERE email = $1)`, ['ada.lovelace@college.ac.uk']);
    expect(audit).toEqual({ action: 'create', role: 'viewer' });
  });

  it('refuses the password login for a user who only has single sign-on', async () => {
    const res = await t.gql('mutation { login(email: "ada.lovelace@college.ac.uk", password: "") { accessToken } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('gives the highest role the IdP groups map to, and follows the groups on each sign-in', async () => {
    await idp.setAccount('bob-sub', { email: 'bob@college.ac.uk', name: 'Bob', groups: ['staff', 'bce-managers', 'library'] });
    expect((await t.gql(ME, {}, tokenOf(await signIn('bob-sub')))).data.me.role).toBe('manager');

    await idp.setAccount('bob-sub', { email: 'bob@college.ac.uk', name: 'Bob', groups: ['staff'] });
    expect((await t.gql(ME, {}, tokenOf(await signIn('bob-sub')))).data.me.role).toBe('staff');

    // No group maps: the role the CRM has stands.
    await idp.setAccount('bob-sub', { email: 'bob@college.ac.uk', name: 'Bob', groups: [] });
    expect((await t.gql(ME, {}, tokenOf(await signIn('bob-sub')))).data.me.role).toBe('staff');
  });

  it('reuses the user on the second sign-in, even when the IdP changed their email', async () => {
    await idp.setAccount('cy-sub', { email: 'cy@college.ac.uk', name: 'Cy' });
    const first = (await t.gql('{ me { id } }', {}, tokenOf(await signIn('cy-sub')))).data.me.id;
    await idp.setAccount('cy-sub', { email: 'cy.new@college.ac.uk', name: 'Cy' });
    const second = (await t.gql('{ me { id email } }', {}, tokenOf(await signIn('cy-sub')))).data.me;
    expect(second).toEqual({ id: first, email: 'cy@college.ac.uk' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM user_identities WHERE user_id = $1`, [first]);
    expect(n).toBe(1);
  });

  it('links an existing CRM user by email and keeps their role when no group maps', async () => {
    await idp.setAccount('staff-sub', { email: 'STAFF@test.ac.uk', name: 'Someone Else' });
    const me = (await t.gql('{ me { id role name } }', {}, tokenOf(await signIn('staff-sub')))).data.me;
    expect(me).toEqual({ id: t.users.staff, role: 'staff', name: 'Test staff' });
  });

  it('refuses a callback whose state does not match the browser\'s, or with no state cookie', async () => {
    await idp.setAccount('eve-sub', { email: 'eve@college.ac.uk', name: 'Eve' });
    const { location, cookie } = await startOidcSignIn(t);
    const back = await signInAtProvider(location, 'eve-sub', REDIRECT);
    const server = t.app.getHttpServer();

    const tampered = new URL(back);
    tampered.searchParams.set('state', 'not-the-state-we-sent');
    const wrongState = await request(server).get(tampered.pathname + tampered.search).set('cookie', cookie);
    expect(wrongState.headers.location).toBe('/sign-in?error=sso_state');

    const noCookie = await request(server).get(back.pathname + back.search);
    expect(noCookie.headers.location).toBe('/sign-in?error=sso_state');

    // Another browser's (an attacker's) sign-in cannot be finished in this one: login CSRF.
    const other = await startOidcSignIn(t);
    const crossed = await request(server).get(back.pathname + back.search).set('cookie', other.cookie);
    expect(crossed.headers.location).toBe('/sign-in?error=sso_state');

    const forged = await request(server).get(back.pathname + back.search).set('cookie', `${cookie.slice(0, -4)}AAAA`);
    expect(forged.headers.location).toBe('/sign-in?error=sso_state');

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'eve@college.ac.uk'`);
    expect(n).toBe(0);
  });

  it('refuses a deactivated user, and their old session stops too', async () => {
    await idp.setAccount('dan-sub', { email: 'dan@college.ac.uk', name: 'Dan' });
    const token = tokenOf(await signIn('dan-sub'));
    const id = (await t.gql('{ me { id } }', {}, token)).data.me.id;
    const off = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id }, t.tokens.admin);
    expect(off.data.deactivateUser.active).toBe(false);

    const again = await signIn('dan-sub');
    expect(again.headers.location).toBe('/sign-in?error=sso_deactivated');
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses an account the IdP gives no email for', async () => {
    await idp.setAccount('anon-sub', { name: 'No Email' });
    expect((await signIn('anon-sub')).headers.location).toBe('/sign-in?error=sso_no_email');
  });

  it('answers 404 for SAML routes when SAML is not configured', async () => {
    expect((await request(t.app.getHttpServer()).get('/auth/saml/login')).status).toBe(404);
  });
});
