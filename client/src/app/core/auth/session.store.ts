import { computed, Injectable, signal } from '@angular/core';
import type { CurrentUserFragment } from '../../graphql/generated';
import { canWrite, isAdmin, isManager } from './roles';
import { TokenStorage } from './token-storage';

/**
 * The token and the signed-in user, with no dependency on Apollo, so the Apollo links can read
 * the token and end the session without a circular injection.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = new TokenStorage(typeof localStorage === 'undefined' ? null : localStorage);
  private readonly currentUser = signal<CurrentUserFragment | null>(null);

  readonly user = this.currentUser.asReadonly();
  readonly canWrite = computed(() => canWrite(this.currentUser()?.role));
  readonly isManager = computed(() => isManager(this.currentUser()?.role));
  readonly isAdmin = computed(() => isAdmin(this.currentUser()?.role));

  token(): string | null {
    return this.storage.read();
  }

  start(token: string, user: CurrentUserFragment): void {
    this.storage.write(token);
    this.currentUser.set(user);
  }

  /** A token from single sign-on: the user behind it is fetched next (AuthService.ensureUser). */
  adopt(token: string): void {
    this.storage.write(token);
    this.currentUser.set(null);
  }

  setUser(user: CurrentUserFragment | null): void {
    this.currentUser.set(user);
    if (!user) this.storage.clear();
  }

  clear(): void {
    this.storage.clear();
    this.currentUser.set(null);
  }
}
