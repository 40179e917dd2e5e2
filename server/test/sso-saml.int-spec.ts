import request from 'supertest';
import { asPost, AssertionInput, authnRequestId, IDP_CERT, IDP_ENTITY_ID, IDP_KEY, OTHER_KEY, samlResponseXml, signAssertion } from './support/saml-idp';
import { codeOf, createTestApp, PASSWORD, TestApp } from './support/test-app';

const PUBLIC_URL = 'http://crm.test';
const ACS = `${PUBLIC_URL}/auth/saml/acs`;
const SP_ENTITY_ID = 'https://crm.test/saml-sp';
const ME = '{ me { id email name role } }';

/** Single sign-on through SAML 2.0: a fixture IdP signs responses with a test-only key; password sign-in is off. */
describe('SAML sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PUBLIC_URL, SAML_ENTRY_POINT: 'https://idp.test/saml/sso', SAML_IDP_CERT: IDP_CERT, SAML_ISSUER: SP_ENTITY_ID, SAML_IDP_ISSUER: IDP_ENTITY_ID,
        SAML_GROUPS_ATTRIBUTE: 'memberOf', SSO_GROUP_ROLES: 'bce-admins=admin,bce-managers=manager,staff=staff', SSO_DEFAULT_ROLE: 'staff',
        LOCAL_LOGIN: 'false', BREAK_GLASS_EMAILS: 'admin@test.ac.uk',
      },
    });
  });
  afterAll(() => t?.close());

  /** GET /auth/saml/login: the AuthnRequest ID the IdP must answer. */
  async function startSignIn(): Promise<string> {
    const res = await request(t.app.getHttpServer()).get('/auth/saml/login');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^https:\/\/idp\.test\/saml\/sso\?SAMLRequest=/);
    return authnRequestId(res.headers.location);
  }

  const assertion = (inResponseTo: string, person: Partial<AssertionInput> & { nameId: string; attributes: Record<string, string[]> }): AssertionInput =>
    ({ inResponseTo, audience: SP_ENTITY_ID, acsUrl: ACS, ...person });

  const post = (body: Record<string, string>) => request(t.app.getHttpServer()).post('/auth/saml/acs').type('form').send(body);

  function tokenOf(res: request.Response): string {
    expect(res.status).toBe(303);
    const match = res.headers.location.match(/^\/sign-in\/complete#token=(.+)$/);
    if (!match) throw new Error(`signed in nowhere: ${res.headers.location}`);
    return decodeURIComponent(match[1]);
  }

  async function signIn(person: Parameters<typeof assertion>[1]): Promise<request.Response> {
    return post(asPost(signAssertion(samlResponseXml(assertion(await startSignIn(), person)), IDP_KEY)));
  }

  it('tells the sign-in page that only SAML is on', async () => {
    const res = await t.gql('{ signInMethods { local oidc saml samlLabel } }');
    expect(res.data.signInMethods).toEqual({ local: false, oidc: false, saml: true, samlLabel: 'Sign in with your institution (SAML)' });
  });

  it('answers 404 for the OIDC routes when OIDC is not configured', async () => {
    expect((await request(t.app.getHttpServer()).get('/auth/oidc/login')).status).toBe(404);
    expect((await request(t.app.getHttpServer()).get('/auth/oidc/callback?code=x&state=y')).status).toBe(404);
  });

  it('publishes SP metadata naming our entity id and ACS URL', async () => {
    const res = await request(t.app.getHttpServer()).get('/auth/saml/metadata');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`entityID="${SP_ENTITY_ID}"`);
    expect(res.text).toContain(`Location="${ACS}"`);
  });

  it('provisions a user from a signed assertion, with the role their groups map to', async () => {
    const res = await signIn({ nameId: 'saml-grace', attributes: { mail: ['Grace.Hopper@college.ac.uk'], displayName: ['Grace Hopper'], memberOf: ['staff', 'bce-managers'] } });
    const me = (await t.gql(ME, {}, tokenOf(res))).data.me;
    expect(me).toMatchObject({ email: 'grace.hopper@college.ac.uk', name: 'Grace Hopper', role: 'manager' });
    const [identity] = await t.db.query(`SELECT provider, subject FROM user_identities WHERE user_id = $1`, [me.id]);
    expect(identity).toEqual({ provider: 'saml', subject: 'saml-grace' });
  });

  it('gives the default role when no group maps, and reuses the user on the next sign-in', async () => {
    const first = (await t.gql(ME, {}, tokenOf(await signIn({ nameId: 'saml-alan', attributes: { email: ['alan@college.ac.uk'], memberOf: ['maths'] } })))).data.me;
    expect(first.role).toBe('staff');
    const second = (await t.gql(ME, {}, tokenOf(await signIn({ nameId: 'saml-alan', attributes: { email: ['alan@college.ac.uk'], memberOf: ['bce-admins'] } })))).data.me;
    expect(second).toMatchObject({ id: first.id, role: 'admin' });
  });

  it('refuses an unsigned response, one signed with another key, and one altered after signing', async () => {
    const person = { nameId: 'saml-mallory', attributes: { email: ['mallory@college.ac.uk'], memberOf: ['bce-admins'] } };
    const unsigned = await post(asPost(samlResponseXml(assertion(await startSignIn(), person))));
    expect(unsigned.headers.location).toBe('/sign-in?error=sso_idp');
    const stranger = await post(asPost(signAssertion(samlResponseXml(assertion(await startSignIn(), person)), OTHER_KEY)));
    expect(stranger.headers.location).toBe('/sign-in?error=sso_idp');
    const signed = signAssertion(samlResponseXml(assertion(await startSignIn(), { ...person, attributes: { email: ['mallory@college.ac.uk'], memberOf: ['students'] } })), IDP_KEY);
    const altered = await post(asPost(signed.replace('>students<', '>bce-admins<')));
    expect(altered.headers.location).toBe('/sign-in?error=sso_idp');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'mallory@college.ac.uk'`);
    expect(n).toBe(0);
  });

  it('refuses an expired assertion, one for another audience, and one answering no request of ours', async () => {
    const person = { nameId: 'saml-trent', attributes: { email: ['trent@college.ac.uk'] } };
    const expired = await post(asPost(signAssertion(samlResponseXml(assertion(await startSignIn(), { ...person, notOnOrAfter: new Date(Date.now() - 5 * 60_000) })), IDP_KEY)));
    expect(expired.headers.location).toBe('/sign-in?error=sso_idp');
    const elsewhere = await post(asPost(signAssertion(samlResponseXml(assertion(await startSignIn(), { ...person, audience: 'https://other-sp.test' })), IDP_KEY)));
    expect(elsewhere.headers.location).toBe('/sign-in?error=sso_idp');
    const unsolicited = await post(asPost(signAssertion(samlResponseXml(assertion('_never-sent', person)), IDP_KEY)));
    expect(unsolicited.headers.location).toBe('/sign-in?error=sso_idp');
  });

  it('accepts a response only once (a replay is refused)', async () => {
    const body = asPost(signAssertion(samlResponseXml(assertion(await startSignIn(), { nameId: 'saml-replay', attributes: { email: ['replay@college.ac.uk'] } })), IDP_KEY));
    tokenOf(await post(body));
    expect((await post(body)).headers.location).toBe('/sign-in?error=sso_idp');
  });

  it('refuses a POST with no SAMLResponse', async () => {
    expect((await post({})).headers.location).toBe('/sign-in?error=sso_idp');
  });

  it('refuses a deactivated user', async () => {
    const off = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: t.users.viewer }, t.tokens.admin);
    expect(off.data.deactivateUser.active).toBe(false);
    const res = await signIn({ nameId: 'saml-viewer', attributes: { email: ['viewer@test.ac.uk'] } });
    expect(res.headers.location).toBe('/sign-in?error=sso_deactivated');
  });

  describe('with LOCAL_LOGIN=false', () => {
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email } } }';

    it('refuses the password login with a clear FORBIDDEN, whether or not the password is right', async () => {
      for (const p of [PASSWORD, 'wrong password']) {
        const res = await t.gql(LOGIN, { e: 'manager@test.ac.uk', p });
        expect(codeOf(res)).toBe('FORBIDDEN');
        expect(res.errors![0].message).toMatch(/Password sign-in is turned off/);
      }
    });

    it('lets a break-glass account sign in with its password, and answers a wrong one like any other', async () => {
      const ok = await t.gql(LOGIN, { e: 'Admin@Test.ac.uk', p: PASSWORD });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.login.user.email).toBe('admin@test.ac.uk');
      const wrong = await t.gql(LOGIN, { e: 'admin@test.ac.uk', p: 'wrong password' });
      expect(codeOf(wrong)).toBe('FORBIDDEN');
      expect(wrong.errors![0].message).toMatch(/Password sign-in is turned off/);
    });
  });
});
