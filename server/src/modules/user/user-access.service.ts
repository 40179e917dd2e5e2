import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AuthUserCache } from '../../common/auth/auth-user-cache';
import { assertUuid } from '../../common/database/assert-uuid';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { recordAudit } from '../audit/audit';
import { hashPassword, verifyPassword } from './password';
import { temporaryPassword } from './temporary-password';
import { User } from './user.entity';
import * as sql from './user.sql';

// Audit entries show that a password changed, never anything about the password itself.
const PASSWORD_CHANGED = { password: { old: null, new: 'changed' } };
const PASSWORD_RESET = { password: { old: null, new: 'reset by an admin' } };

/**
 * Who may sign in: deactivation, reactivation and passwords. Each of these bumps the user's token
 * version where sessions must end, so the very next request with an old token is refused.
 */
@Injectable()
export class UserAccessService {
  constructor(private readonly db: DataSource, private readonly authUsers: AuthUserCache) {}

  deactivate(actor: AuthUser, id: string): Promise<User> {
    assertUuid(id, 'id');
    return this.authUsers.invalidating(id, this.db.transaction(async (tx) => {
      const admins = await sql.lockActiveAdmins(tx);
      if (admins.length === 1 && admins[0] === id) throw conflict('This is the last active admin: make someone else an admin before deactivating them');
      const changed = await sql.setActive(tx, id, false);
      if (changed) await recordAudit(tx, { actorId: actor.id, entityType: 'user', entityId: id, action: 'archive' });
      return changed ?? this.current(tx, id);
    }));
  }

  reactivate(actor: AuthUser, id: string): Promise<User> {
    assertUuid(id, 'id');
    return this.authUsers.invalidating(id, this.db.transaction(async (tx) => {
      const changed = await sql.setActive(tx, id, true);
      if (changed) await recordAudit(tx, { actorId: actor.id, entityType: 'user', entityId: id, action: 'restore' });
      return changed ?? this.current(tx, id);
    }));
  }

  /** A new one-time password for the admin to hand over; the old password and every session stop working. */
  async resetPassword(actor: AuthUser, id: string): Promise<{ user: User; temporaryPassword: string }> {
    assertUuid(id, 'userId');
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await this.authUsers.invalidating(id, this.db.transaction(async (tx) => {
      const changed = await sql.setPassword(tx, id, passwordHash);
      if (!changed) throw notFound('Active user', id);
      await recordAudit(tx, { actorId: actor.id, entityType: 'user', entityId: id, action: 'update', changes: PASSWORD_RESET });
      return changed;
    }));
    return { user, temporaryPassword: password };
  }

  /** The signed-in user's own password; their other sessions end (the caller issues a fresh token). */
  async changePassword(me: AuthUser, currentPassword: string, newPassword: string): Promise<User> {
    if (!(await verifyPassword(await sql.passwordHashOf(this.db.manager, me.id), currentPassword))) {
      throw badField('currentPassword', 'currentPassword is not your current password');
    }
    if (currentPassword === newPassword) throw badField('newPassword', 'newPassword must differ from the current one');
    const passwordHash = await hashPassword(newPassword);
    return this.authUsers.invalidating(me.id, this.db.transaction(async (tx) => {
      const changed = await sql.setPassword(tx, me.id, passwordHash);
      if (!changed) throw notFound('Active user', me.id);
      await recordAudit(tx, { actorId: me.id, entityType: 'user', entityId: me.id, action: 'update', changes: PASSWORD_CHANGED });
      return changed;
    }));
  }

  private async current(tx: EntityManager, id: string): Promise<User> {
    const user = await sql.findUser(tx, id);
    if (!user) throw notFound('User', id);
    return user;
  }
}
