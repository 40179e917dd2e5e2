import { codeOf, createTestApp, PASSWORD, TestApp } from './support/test-app';

describe('sign-in and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email role } } }';

  it('signs in with the right password (email case-insensitive) and `me` returns the user', async () => {
    const res = await t.gql(LOGIN, { e: 'Staff@Test.ac.uk', p: PASSWORD });
    expect(res.errors).toBeUndefined();
    expect(res.data.login.user).toEqual({ email: 'staff@test.ac.uk', role: 'staff' });
    const me = await t.gql('{ me { email role departments { code } } }', {}, res.data.login.accessToken);
    expect(me.data.me).toEqual({ email: 'staff@test.ac.uk', role: 'staff', departments: [{ code: 'ENG' }] });
  });

  it('refuses a wrong password and an unknown email with the same UNAUTHENTICATED answer', async () => {
    const wrong = await t.gql(LOGIN, { e: 'manager@test.ac.uk', p: 'not the password' });
    const unknown = await t.gql(LOGIN, { e: 'nobody@test.ac.uk', p: 'not the password' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('throttles repeated failed logins for an account, even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) await t.gql(LOGIN, { e: 'viewer@test.ac.uk', p: `guess ${i}` });
    const res = await t.gql(LOGIN, { e: 'viewer@test.ac.uk', p: PASSWORD });
    expect(res.data).toBeNull();
    expect(res.errors![0].message).toMatch(/too many/i);
  });

  it('answers every operation except login with UNAUTHENTICATED when there is no or a bad token', async () => {
    expect(codeOf(await t.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql('{ organisations { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql('{ departments { id } }', {}, 'not.a.token'))).toBe('UNAUTHENTICATED');
    const forged = t.tokens.admin.slice(0, -4) + 'AAAA';
    expect(codeOf(await t.gql('{ me { id } }', {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('lets only an admin create users, and the new user can sign in', async () => {
    const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { email role departments { code } } }';
    const input = { email: 'new.person@test.ac.uk', name: 'New Person', password: 'a long enough password', role: 'staff', departmentIds: [t.departments.BUS] };
    expect(codeOf(await t.gql(CREATE, { i: input }, t.tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE, { i: input }, t.tokens.viewer))).toBe('FORBIDDEN');
    const created = await t.gql(CREATE, { i: input }, t.tokens.admin);
    expect(created.data.createUser).toEqual({ email: 'new.person@test.ac.uk', role: 'staff', departments: [{ code: 'BUS' }] });
    expect(codeOf(await t.gql(CREATE, { i: input }, t.tokens.admin))).toBe('CONFLICT');
    const login = await t.gql(LOGIN, { e: input.email, p: input.password });
    expect(login.data.login.user.role).toBe('staff');
  });

  it('names each bad field when creating a user', async () => {
    const res = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email: 'not-an-email', name: 'X', password: 'short', role: 'staff' } }, t.tokens.admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['email', 'password']);
  });

  it('never leaks a stack trace', async () => {
    const res = await t.gql('{ organisation(id: "not-a-uuid") { id } }', {}, t.tokens.staff);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
