import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUserCache } from '../../common/auth/auth-user-cache';
import { Role } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { recordAudit } from '../audit/audit';
import { lockActiveAdmins, recordSignIn } from '../user/user.sql';
import { roleForGroups } from './group-roles';
import { SsoError, SsoProfile } from './sso-profile';
import * as sql from './sso.sql';

/**
 * Turns an identity provider's word into a CRM user: the account already linked to (provider,
 * subject), else the user with the same email (linked from now on), else a new user with the
 * default role and no password. When the person's IdP groups map to a role, that role is theirs on
 * every sign-in (highest mapped wins); when none maps, the CRM's role stands.
 */
@Injectable()
export class ProvisioningService {
  constructor(private readonly db: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly authUsers: AuthUserCache) {}

  async signIn(profile: SsoProfile): Promise<sql.SsoUserRow> {
    const email = profile.email?.trim().toLowerCase() || null;
    let roleChanged = false;
    const signedIn = await this.db.transaction(async (tx) => {
      let user = await sql.userByIdentity(tx, profile.provider, profile.subject);
      if (!user && email) user = await sql.userByEmail(tx, email);
      if (!user && !email) throw new SsoError('no_email', `the ${profile.provider} identity provider sent no email address for ${profile.subject}`);
      const mapped = roleForGroups(profile.groups, this.config.sso.groupRoles);
      if (!user) {
        user = await this.create(tx, email!, profile, mapped ?? this.config.sso.defaultRole);
      } else if (user.deactivated) {
        throw new SsoError('deactivated', `user ${user.id} is deactivated`);
      } else if (mapped && mapped !== user.role) {
        user = await this.changeRole(tx, user, mapped);
        roleChanged = true;
      }
      await sql.linkIdentity(tx, user.id, profile.provider, profile.subject, email);
      await recordSignIn(tx, user.id);
      return user;
    });
    // Committed: the person's other sessions take the new role on their next request.
    if (roleChanged) this.authUsers.invalidate(signedIn.id);
    return signedIn;
  }

  private async create(tx: EntityManager, email: string, profile: SsoProfile, role: Role): Promise<sql.SsoUserRow> {
    const name = profile.name?.trim().slice(0, 200) || email;
    const user = await sql.insertSsoUser(tx, { email, name, role });
    const department = this.config.sso.defaultDepartment;
    const joined = department ? await sql.joinDepartmentByCode(tx, user.id, department) : false;
    await recordAudit(tx, {
      actorId: null, entityType: 'user', entityId: user.id, action: 'create',
      changes: {
        email: { old: null, new: email }, name: { old: null, new: name }, role: { old: null, new: role },
        signedUpWith: { old: null, new: profile.provider },
        ...(joined ? { departmentCode: { old: null, new: department } } : {}),
      },
    });
    return user;
  }

  /** Follows the IdP's groups, except that the last active admin is never demoted by them (nobody could administer the CRM). */
  private async changeRole(tx: EntityManager, user: sql.SsoUserRow, role: Role): Promise<sql.SsoUserRow> {
    if (user.role === Role.admin) {
      const admins = await lockActiveAdmins(tx);
      if (admins.length === 1 && admins[0] === user.id) return user;
    }
    await sql.setRole(tx, user.id, role);
    await recordAudit(tx, { actorId: null, entityType: 'user', entityId: user.id, action: 'update', changes: { role: { old: user.role, new: role } } });
    return { ...user, role };
  }
}
