import { codeOf, createTestApp, PASSWORD, TestApp } from './support/test-app';

describe('users (admin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id role } } }';
  const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { temporaryPassword user { id email role active version departments { code } } } }';
  const UPDATE = 'mutation($id: ID!, $v: Int, $i: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $i) { id name role version departments { code } } }';
  const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';
  const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id active } }';
  const RESET = 'mutation($id: ID!) { resetPassword(userId: $id) { temporaryPassword user { id } } }';
  const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }';
  const fieldsOf = (r: { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> }) => r.errors?.[0].extensions?.fields?.map((f) => f.field);
  let seq = 0;
  const invite = async (role = 'staff', departmentIds = [t.departments.BUS]) => {
    const r = await t.gql(INVITE, { i: { email: `invited${++seq}@test.ac.uk`, name: `Invited ${seq}`, role, departmentIds } }, t.tokens.admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.inviteUser;
  };
  const login = async (email: string, password: string) => t.gql(LOGIN, { e: email, p: password });

  it('invites a user with a one-time password that signs them in (and records the sign-in)', async () => {
    const { user, temporaryPassword } = await invite();
    expect(user).toMatchObject({ role: 'staff', active: true, departments: [{ code: 'BUS' }] });
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const signedIn = await login(user.email, temporaryPassword);
    expect(signedIn.data.login.user.id).toBe(user.id);
    const list = await t.gql('{ users { id lastSignInAt active } }', {}, t.tokens.admin);
    expect(list.data.users.find((u: { id: string }) => u.id === user.id).lastSignInAt).toBeTruthy();
    // Everyone may list colleagues (owner pickers), but only admins see when they last signed in.
    const asStaff = await t.gql('{ users { id lastSignInAt } }', {}, t.tokens.staff);
    expect(asStaff.data.users.find((u: { id: string }) => u.id === user.id).lastSignInAt).toBeNull();
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`, [user.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('updates name, role and departments with a version check, and audits the change', async () => {
    const { user } = await invite();
    const r = await t.gql(UPDATE, { id: user.id, v: user.version, i: { name: 'Renamed', role: 'manager', departmentIds: [t.departments.ENG, t.departments.BUS] } }, t.tokens.admin);
    expect(r.data.updateUser).toMatchObject({ name: 'Renamed', role: 'manager', version: user.version + 1 });
    expect(r.data.updateUser.departments.map((d: { code: string }) => d.code).sort()).toEqual(['BUS', 'ENG']);
    expect(codeOf(await t.gql(UPDATE, { id: user.id, v: user.version, i: { name: 'Stale' } }, t.tokens.admin))).toBe('CONFLICT');
    const [event] = await t.db.query(`SELECT changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update'`, [user.id]);
    expect(Object.keys(event.changes).sort()).toEqual(['departmentIds', 'name', 'role']);
  });

  it('takes a demotion and a change of departments on the very next request, though the sign-in is cached', async () => {
    const { user, temporaryPassword } = await invite('admin', [t.departments.ENG]);
    const token = (await login(user.email, temporaryPassword)).data.login.accessToken;
    const ALL_USERS = '{ users(includeInactive: true) { id } }';
    expect((await t.gql(ALL_USERS, {}, token)).data.users.length).toBeGreaterThan(0);
    expect((await t.gql(UPDATE, { id: user.id, i: { role: 'staff', departmentIds: [t.departments.BUS] } }, t.tokens.admin)).data.updateUser.role).toBe('staff');
    expect(codeOf(await t.gql(ALL_USERS, {}, token))).toBe('FORBIDDEN');
    // The departments the request acts for are the new ones: a confidential BUS record may be made, an ENG one not.
    const ORG = 'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }';
    expect(codeOf(await t.gql(ORG, { i: { name: `Cache Ltd ${seq}`, type: 'employer', departmentId: t.departments.BUS, confidential: true } }, token))).toBeUndefined();
    expect(codeOf(await t.gql(ORG, { i: { name: `Cache Two Ltd ${seq}`, type: 'employer', departmentId: t.departments.ENG, confidential: true } }, token))).toBe('BAD_USER_INPUT');
  });

  it('names the bad field on update and on invite', async () => {
    const bad = await t.gql(UPDATE, { id: t.users.staff, i: { name: '', departmentIds: ['x'] } }, t.tokens.admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)!.sort()).toEqual(['departmentIds', 'name']);
    const badInvite = await t.gql(INVITE, { i: { email: 'nope', name: 'X', role: 'staff' } }, t.tokens.admin);
    expect(fieldsOf(badInvite)).toEqual(['email']);
  });

  it('deactivates a user: their token is refused on the very next request and they cannot sign in; reactivating lets them sign in again', async () => {
    const { user, temporaryPassword } = await invite();
    const token = (await login(user.email, temporaryPassword)).data.login.accessToken;
    expect((await t.gql('{ me { id } }', {}, token)).data.me.id).toBe(user.id);

    expect((await t.gql(DEACTIVATE, { id: user.id }, t.tokens.admin)).data.deactivateUser.active).toBe(false);
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(user.email, temporaryPassword))).toBe('UNAUTHENTICATED');
    const listed = await t.gql('{ users { id } }', {}, t.tokens.admin);
    expect(listed.data.users.map((u: { id: string }) => u.id)).not.toContain(user.id);
    const all = await t.gql('{ users(includeInactive: true) { id active } }', {}, t.tokens.admin);
    expect(all.data.users.find((u: { id: string }) => u.id === user.id).active).toBe(false);

    expect((await t.gql(REACTIVATE, { id: user.id }, t.tokens.admin)).data.reactivateUser.active).toBe(true);
    // The old token stays dead: reactivation does not bring ended sessions back.
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect((await login(user.email, temporaryPassword)).data.login.user.id).toBe(user.id);
  });

  it('resets a password: the old password and token fail, the new password works', async () => {
    const { user, temporaryPassword } = await invite();
    const token = (await login(user.email, temporaryPassword)).data.login.accessToken;
    const reset = await t.gql(RESET, { id: user.id }, t.tokens.admin);
    const fresh = reset.data.resetPassword.temporaryPassword;
    expect(fresh).not.toBe(temporaryPassword);
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(user.email, temporaryPassword))).toBe('UNAUTHENTICATED');
    expect((await login(user.email, fresh)).data.login.user.id).toBe(user.id);
  });

  it('lets a user change their own password, checking the current one, and hands back a working token', async () => {
    const { user, temporaryPassword } = await invite();
    const token = (await login(user.email, temporaryPassword)).data.login.accessToken;
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'not it at all', newPassword: 'a brand new password' } }, token);
    expect(fieldsOf(wrong)).toEqual(['currentPassword']);
    expect(fieldsOf(await t.gql(CHANGE, { i: { currentPassword: temporaryPassword, newPassword: 'short' } }, token))).toEqual(['newPassword']);
    const changed = await t.gql(CHANGE, { i: { currentPassword: temporaryPassword, newPassword: 'a brand new password' } }, token);
    const newToken = changed.data.changePassword.accessToken;
    expect((await t.gql('{ me { id } }', {}, newToken)).data.me.id).toBe(user.id);
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new password')).data.login.user.id).toBe(user.id);
  });

  it('keeps the last active admin: it cannot be deactivated or demoted, until there is another admin', async () => {
    const demote = await t.gql(UPDATE, { id: t.users.admin, i: { role: 'staff' } }, t.tokens.admin);
    expect(codeOf(demote)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(demote)).toEqual(['role']);
    expect(codeOf(await t.gql(DEACTIVATE, { id: t.users.admin }, t.tokens.admin))).toBe('CONFLICT');

    const { user: second } = await invite('admin');
    expect((await t.gql(UPDATE, { id: t.users.admin, i: { name: 'Still admin' } }, t.tokens.admin)).errors).toBeUndefined();
    expect((await t.gql(DEACTIVATE, { id: second.id }, t.tokens.admin)).data.deactivateUser.active).toBe(false);
  });

  it('refuses every admin operation to manager, staff and viewer', async () => {
    const target = t.users.staffBus;
    for (const role of ['manager', 'staff', 'viewer'] as const) {
      const token = t.tokens[role];
      expect(codeOf(await t.gql(INVITE, { i: { email: `x${role}@test.ac.uk`, name: 'X', role: 'staff' } }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { id: target, i: { name: 'X' } }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(DEACTIVATE, { id: target }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(REACTIVATE, { id: target }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(RESET, { id: target }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql('{ users(includeInactive: true) { id } }', {}, token))).toBe('FORBIDDEN');
    }
    // And nothing happened to the target.
    expect((await login('staffbus@test.ac.uk', PASSWORD)).data.login.user.id).toBe(target);
  });
});
