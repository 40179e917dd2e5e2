import { DataSource } from 'typeorm';
import { AuthUserCache } from '../../common/auth/auth-user-cache';
import { Role } from '../../common/auth/roles';
import { AppConfig } from '../../config/env';
import { recordAudit } from '../audit/audit';
import { lockActiveAdmins, recordSignIn } from '../user/user.sql';
import { ProvisioningService } from './provisioning.service';
import { SsoProfile } from './sso-profile';
import * as sql from './sso.sql';

jest.mock('./sso.sql');
jest.mock('../user/user.sql');
jest.mock('../audit/audit');

const mocked = <T extends (...args: any[]) => any>(fn: T) => fn as jest.MockedFunction<T>;

function setup(sso: Partial<AppConfig['sso']> = {}) {
  jest.resetAllMocks();
  const tx = {};
  const db = { transaction: (work: (t: unknown) => unknown) => work(tx) } as unknown as DataSource;
  const config = {
    sso: { defaultRole: Role.viewer, groupRoles: new Map([['bce-admins', Role.admin], ['staff', Role.staff]]), localLogin: true, breakGlassEmails: [], ...sso },
  } as AppConfig;
  mocked(sql.insertSsoUser).mockImplementation(async (_t, input) => ({ id: 'new-id', email: input.email, role: input.role, tokenVersion: 1, deactivated: false }));
  return { sut: new ProvisioningService(db, config, new AuthUserCache()), tx };
}

const profile = (over: Partial<SsoProfile> = {}): SsoProfile => ({ provider: 'oidc', subject: 'sub-1', email: 'Ada@College.ac.uk', name: 'Ada', groups: [], ...over });
const existing = (over: Partial<sql.SsoUserRow> = {}): sql.SsoUserRow => ({ id: 'user-1', email: 'ada@college.ac.uk', role: Role.staff, tokenVersion: 3, deactivated: false, ...over });

describe(ProvisioningService.name, () => {
  it('should create a user with the default role and no password when nobody matches, and audit it', async () => {
    const { sut } = setup({ defaultDepartment: 'ENG' });
    mocked(sql.joinDepartmentByCode).mockResolvedValue(true);
    const user = await sut.signIn(profile());
    expect(user).toMatchObject({ id: 'new-id', email: 'ada@college.ac.uk', role: Role.viewer });
    expect(sql.insertSsoUser).toHaveBeenCalledWith(expect.anything(), { email: 'ada@college.ac.uk', name: 'Ada', role: Role.viewer });
    expect(sql.joinDepartmentByCode).toHaveBeenCalledWith(expect.anything(), 'new-id', 'ENG');
    expect(mocked(recordAudit).mock.calls[0][1]).toMatchObject({ actorId: null, entityType: 'user', entityId: 'new-id', action: 'create' });
    expect(sql.linkIdentity).toHaveBeenCalledWith(expect.anything(), 'new-id', 'oidc', 'sub-1', 'ada@college.ac.uk');
    expect(recordSignIn).toHaveBeenCalledWith(expect.anything(), 'new-id');
  });

  it('should create a new user with the mapped role when a group maps', async () => {
    const { sut } = setup();
    expect((await sut.signIn(profile({ groups: ['staff'] }))).role).toBe(Role.staff);
  });

  it('should find the linked user first, then by email', async () => {
    const { sut } = setup();
    mocked(sql.userByIdentity).mockResolvedValueOnce(existing());
    await sut.signIn(profile());
    expect(sql.userByEmail).not.toHaveBeenCalled();
    mocked(sql.userByEmail).mockResolvedValueOnce(existing({ id: 'by-email' }));
    expect((await sut.signIn(profile())).id).toBe('by-email');
    expect(sql.insertSsoUser).not.toHaveBeenCalled();
  });

  it('should set the role the groups map to, and audit the change', async () => {
    const { sut } = setup();
    mocked(sql.userByIdentity).mockResolvedValue(existing({ role: Role.viewer }));
    expect((await sut.signIn(profile({ groups: ['staff', 'bce-admins'] }))).role).toBe(Role.admin);
    expect(sql.setRole).toHaveBeenCalledWith(expect.anything(), 'user-1', Role.admin);
    expect(mocked(recordAudit).mock.calls[0][1]).toMatchObject({ action: 'update', changes: { role: { old: Role.viewer, new: Role.admin } } });
  });

  it('should keep the role when no group maps', async () => {
    const { sut } = setup();
    mocked(sql.userByIdentity).mockResolvedValue(existing({ role: Role.manager }));
    expect((await sut.signIn(profile({ groups: ['library'] }))).role).toBe(Role.manager);
    expect(sql.setRole).not.toHaveBeenCalled();
  });

  it('should never demote the last active admin through groups', async () => {
    const { sut } = setup();
    mocked(sql.userByIdentity).mockResolvedValue(existing({ role: Role.admin }));
    mocked(lockActiveAdmins).mockResolvedValue(['user-1']);
    expect((await sut.signIn(profile({ groups: ['staff'] }))).role).toBe(Role.admin);
    expect(sql.setRole).not.toHaveBeenCalled();
  });

  it('should refuse a deactivated user and a new person without an email', async () => {
    const { sut } = setup();
    mocked(sql.userByIdentity).mockResolvedValueOnce(existing({ deactivated: true }));
    await expect(sut.signIn(profile())).rejects.toMatchObject({ failure: 'deactivated' });
    await expect(sut.signIn(profile({ email: null }))).rejects.toMatchObject({ failure: 'no_email' });
    expect(sql.linkIdentity).not.toHaveBeenCalled();
  });
});
