import { codeOf, createTestApp, TestApp } from './support/test-app';

describe('departments (admin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const FIELDS = 'id code name version archivedAt parentId parent { code } memberCount';
  const CREATE = `mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { ${FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateDepartmentInput!) { updateDepartment(id: $id, version: $v, input: $i) { ${FIELDS} } }`;
  const ARCHIVE = `mutation($id: ID!) { archiveDepartment(id: $id) { ${FIELDS} } }`;
  const RESTORE = `mutation($id: ID!) { restoreDepartment(id: $id) { ${FIELDS} } }`;
  const create = async (i: Record<string, unknown>) => {
    const r = await t.gql(CREATE, { i }, t.tokens.admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createDepartment;
  };
  const fieldsOf = (r: { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> }) => r.errors?.[0].extensions?.fields?.map((f) => f.field);

  it('creates a faculty and a school under it, the code normalised to upper case, and audits both', async () => {
    const faculty = await create({ code: ' sci ', name: 'Faculty of Science' });
    expect(faculty).toMatchObject({ code: 'SCI', name: 'Faculty of Science', parentId: null, parent: null, version: 1, memberCount: 0 });
    const school = await create({ code: 'Chem', name: 'School of Chemistry', parentId: faculty.id });
    expect(school).toMatchObject({ code: 'CHEM', parent: { code: 'SCI' } });
    const audit = await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'department' AND entity_id = $1`, [school.id]);
    expect(audit).toEqual([{ action: 'create', changes: expect.objectContaining({ code: { old: null, new: 'CHEM' }, parentId: { old: null, new: faculty.id } }) }]);
  });

  it('refuses a code already used by a live department in any case, on the field code', async () => {
    const res = await t.gql(CREATE, { i: { code: 'eng', name: 'Another engineering' } }, t.tokens.admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['code']);
  });

  it('names each bad field', async () => {
    const res = await t.gql(CREATE, { i: { code: 'x', name: '  ', parentId: 'nope' } }, t.tokens.admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)!.sort()).toEqual(['code', 'name', 'parentId']);
  });

  it('renames, recodes and moves with the version it read; a stale version is a CONFLICT', async () => {
    const d = await create({ code: 'ART', name: 'Art' });
    const renamed = await t.gql(UPDATE, { id: d.id, v: 1, i: { name: 'School of Art', code: 'arts' } }, t.tokens.admin);
    expect(renamed.data.updateDepartment).toMatchObject({ name: 'School of Art', code: 'ARTS', version: 2 });
    expect(codeOf(await t.gql(UPDATE, { id: d.id, v: 1, i: { name: 'Late' } }, t.tokens.admin))).toBe('CONFLICT');
    const moved = await t.gql(UPDATE, { id: d.id, v: 2, i: { parentId: t.departments.BUS } }, t.tokens.admin);
    expect(moved.data.updateDepartment.parent).toEqual({ code: 'BUS' });
    const top = await t.gql(UPDATE, { id: d.id, v: 3, i: { parentId: null } }, t.tokens.admin);
    expect(top.data.updateDepartment.parentId).toBeNull();
  });

  it('refuses a parent that would make a loop, and itself as parent', async () => {
    const a = await create({ code: 'LOOPA', name: 'Loop A' });
    const b = await create({ code: 'LOOPB', name: 'Loop B', parentId: a.id });
    const c = await create({ code: 'LOOPC', name: 'Loop C', parentId: b.id });
    const loop = await t.gql(UPDATE, { id: a.id, v: a.version, i: { parentId: c.id } }, t.tokens.admin);
    expect(codeOf(loop)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(loop)).toEqual(['parentId']);
    expect(fieldsOf(await t.gql(UPDATE, { id: a.id, v: a.version, i: { parentId: a.id } }, t.tokens.admin))).toEqual(['parentId']);
  });

  it('archives: refused while live units sit under it; then gone from the list, kept for admins who ask, and restorable', async () => {
    const parent = await create({ code: 'HUM', name: 'Humanities' });
    const child = await create({ code: 'HIST', name: 'History', parentId: parent.id });
    const refused = await t.gql(ARCHIVE, { id: parent.id }, t.tokens.admin);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toMatch(/History/);

    expect((await t.gql(ARCHIVE, { id: child.id }, t.tokens.admin)).data.archiveDepartment.archivedAt).toBeTruthy();
    const live = await t.gql('{ departments { code } }', {}, t.tokens.staff);
    expect(live.data.departments.map((d: { code: string }) => d.code)).not.toContain('HIST');
    const all = await t.gql('{ departments(includeArchived: true) { code archivedAt } }', {}, t.tokens.admin);
    expect(all.data.departments.find((d: { code: string }) => d.code === 'HIST').archivedAt).toBeTruthy();
    expect(codeOf(await t.gql('{ departments(includeArchived: true) { code } }', {}, t.tokens.manager))).toBe('FORBIDDEN');

    // A new department may take an archived one's code; restoring the old one then names the clash.
    const reuse = await create({ code: 'HIST', name: 'History (new)' });
    const clash = await t.gql(RESTORE, { id: child.id }, t.tokens.admin);
    expect(fieldsOf(clash)).toEqual(['code']);
    await t.gql(ARCHIVE, { id: reuse.id }, t.tokens.admin);
    expect((await t.gql(RESTORE, { id: child.id }, t.tokens.admin)).data.restoreDepartment.archivedAt).toBeNull();
    const actions = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [child.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['create', 'archive', 'restore']);
  });

  it('keeps an archived department on existing records but refuses it for new ones', async () => {
    const d = await create({ code: 'OLD', name: 'Old unit' });
    const logged = await t.gql('mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id department { code } } }',
      { i: { type: 'call', summary: 'Before archiving', departmentId: d.id } }, t.tokens.admin);
    expect(logged.errors).toBeUndefined();
    await t.gql(ARCHIVE, { id: d.id }, t.tokens.admin);
    const again = await t.gql('mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }',
      { i: { type: 'call', summary: 'After archiving', departmentId: d.id } }, t.tokens.admin);
    expect(fieldsOf(again)).toEqual(['departmentId']);
    const kept = await t.gql('query($id: ID!) { engagement(id: $id) { department { code archivedAt } } }', { id: logged.data.logEngagement.id }, t.tokens.admin);
    expect(kept.data.engagement.department.code).toBe('OLD');
  });

  it('lets only admins write departments', async () => {
    for (const role of ['manager', 'staff', 'viewer'] as const) {
      expect(codeOf(await t.gql(CREATE, { i: { code: 'NOPE', name: 'Nope' } }, t.tokens[role]))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ARCHIVE, { id: t.departments.ENG }, t.tokens[role]))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { id: t.departments.ENG, v: 1, i: { name: 'x' } }, t.tokens[role]))).toBe('FORBIDDEN');
    }
    expect((await t.gql('{ departments { code } }', {}, t.tokens.viewer)).data.departments.length).toBeGreaterThan(1);
  });
});
