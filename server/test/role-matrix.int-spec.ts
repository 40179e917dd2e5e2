import { Role } from '../src/common/auth/roles';
import { operationsOf, Operation, requestFor, roleDecisions, RoleDecision, schemaOf } from './support/operations';
import { codeOf, createTestApp, GqlResult, PASSWORD, TestApp } from './support/test-app';

// Every Query and Mutation of the running schema, called by every role and by nobody, with minimal
// valid arguments (random ids: never a real row, so nothing here can deactivate the test users).
// The decorators decide who may: refused means FORBIDDEN (UNAUTHENTICATED without a token) and
// nothing else; allowed means anything but those two (NOT_FOUND, BAD_USER_INPUT... the guard let it by).
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [Role.admin, Role.manager, Role.staff, Role.viewer, 'anonymous'];
const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED'];

/** Mutations a viewer (read only) may still call: their own account. */
const VIEWER_MUTATIONS = ['changePassword'];
/** Operations that must stay admins' alone. */
const ADMIN_ONLY = ['createUser', 'inviteUser', 'updateUser', 'deactivateUser', 'reactivateUser', 'resetPassword', 'undoMerge', 'setHeBciEuroRate',
  'subjectAccessRequests', 'createSubjectAccessRequest', 'completeSubjectAccessRequest', 'eraseContact', 'createRetentionRule', 'updateRetentionRule', 'decideRetention'];

describe('role matrix', () => {
  let t: TestApp;
  let ops: Operation[];
  let decisions: Map<string, RoleDecision | undefined>;
  beforeAll(async () => {
    t = await createTestApp();
    ops = operationsOf(schemaOf(t.app));
    decisions = roleDecisions(t.app);
  });
  afterAll(() => t.close());

  const decisionOf = (op: Operation) => decisions.get(`${op.kind}:${op.name}`);
  const allows = (d: RoleDecision, caller: Caller) => d.public || (caller !== 'anonymous' && d.roles.includes(caller));

  it('finds every operation of the schema among the resolvers, each with @Roles or @Public', () => {
    expect(ops.length).toBeGreaterThan(50);
    const undecided = ops.filter((op) => !decisionOf(op)).map((op) => `${op.kind} ${op.name}`);
    expect(undecided).toEqual([]);
  });

  it('public operations are only login, health-like ones and signInMethods', () => {
    const publicOps = ops.filter((op) => decisionOf(op)?.public).map((op) => op.name);
    expect(publicOps).toContain('login');
    expect(publicOps.filter((n) => !['login', 'health', 'signInMethods'].includes(n))).toEqual([]);
  });

  it('a viewer may call no mutation but its own password change', () => {
    const viewerMutations = ops.filter((op) => op.kind === 'mutation' && !decisionOf(op)!.public && allows(decisionOf(op)!, Role.viewer)).map((op) => op.name);
    expect(viewerMutations.sort()).toEqual(VIEWER_MUTATIONS);
  });

  it('admin-only operations are admins\' alone', () => {
    for (const name of ADMIN_ONLY) {
      const op = ops.find((o) => o.name === name);
      expect({ name, found: !!op }).toEqual({ name, found: true });
      const d = decisionOf(op!)!;
      expect({ name, allowed: CALLERS.filter((c) => allows(d, c)) }).toEqual({ name, allowed: [Role.admin] });
    }
  });

  it('every role × every operation: the guard answers as the decorators say', async () => {
    const tokens: Record<Caller, string | undefined> = {
      admin: t.tokens.admin, manager: t.tokens.manager, staff: t.tokens.staff, viewer: t.tokens.viewer, anonymous: undefined,
    };
    let allowedOk = 0;
    let refusedOk = 0;
    const failures: string[] = [];
    for (const op of ops) {
      const decision = decisionOf(op)!;
      for (const caller of CALLERS) {
        const { query, variables, uploads } = requestFor(op);
        // login answers wrong credentials with UNAUTHENTICATED itself: sign in for real to see it open
        if (op.name === 'login') Object.assign(variables, { email: 'viewer@test.ac.uk', password: PASSWORD });
        const res: GqlResult = uploads.length
          ? await t.upload(query, variables, { name: 'matrix.csv', content: Buffer.from('Name\nAcme\n') }, tokens[caller])
          : await t.gql(query, variables, tokens[caller]);
        const codes = (res.errors ?? []).map((e) => e.extensions?.code);
        const code = codeOf(res);
        if (allows(decision, caller)) {
          if (codes.some((c) => REFUSALS.includes(c!)) || (!res.data && !res.errors)) failures.push(`${op.kind} ${op.name} as ${caller}: allowed but got ${code ?? JSON.stringify(res)}`);
          else allowedOk++;
        } else {
          const expected = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          if (code !== expected || codes.some((c) => c !== expected)) failures.push(`${op.kind} ${op.name} as ${caller}: refused should be ${expected} but got ${codes.join(',') || 'data'}`);
          else refusedOk++;
        }
      }
    }
    const checks = ops.length * CALLERS.length;
    console.log(`role matrix: ${ops.length} operations × ${CALLERS.length} roles = ${checks} checks, ${allowedOk} allowed ok, ${refusedOk} refused ok`);
    expect(failures).toEqual([]);
    expect(allowedOk + refusedOk).toBe(checks);
  });
});
