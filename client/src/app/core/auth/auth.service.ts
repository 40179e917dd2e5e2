import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { CurrentUserFragment, LoginGQL, MeGQL } from '../../graphql/generated';
import { SessionStore } from './session.store';

/** Signing in and out, and restoring the user behind a stored token. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly loginGql = inject(LoginGQL);
  private readonly meGql = inject(MeGQL);
  private readonly session = inject(SessionStore);
  private pendingMe: Promise<CurrentUserFragment | null> | null = null;

  readonly user = this.session.user;
  readonly canWrite = this.session.canWrite;
  readonly isManager = this.session.isManager;
  readonly isAdmin = this.session.isAdmin;

  /** Rejects with the Apollo error on bad credentials or throttling; the sign-in page explains it. */
  async signIn(email: string, password: string): Promise<CurrentUserFragment> {
    const result = await firstValueFrom(this.loginGql.mutate({ variables: { email: email.trim(), password } }));
    const payload = result.data?.login;
    if (!payload) throw new Error('Sign-in returned no session');
    await this.apollo.client.clearStore();
    this.session.start(payload.accessToken, payload.user);
    return payload.user;
  }

  /** Finishes an institution (SSO) sign-in with the token the server handed over; null when it does not work. */
  async completeSignIn(token: string): Promise<CurrentUserFragment | null> {
    await this.apollo.client.clearStore();
    this.session.adopt(token);
    return this.ensureUser();
  }

  /** The user behind the stored token, fetched once; null when there is no valid session. */
  ensureUser(): Promise<CurrentUserFragment | null> {
    const known = this.session.user();
    if (known) return Promise.resolve(known);
    if (!this.session.token()) return Promise.resolve(null);
    this.pendingMe ??= firstValueFrom(this.meGql.fetch({ fetchPolicy: 'network-only' }))
      .then((result) => {
        const me = result.data?.me ?? null;
        this.session.setUser(me);
        return me;
      })
      .catch(() => {
        // An expired or revoked token, or no server: either way the person signs in again.
        this.session.clear();
        return null;
      })
      .finally(() => (this.pendingMe = null));
    return this.pendingMe;
  }

  async signOut(): Promise<void> {
    this.session.clear();
    await this.apollo.client.clearStore().catch(() => undefined);
    await this.router.navigateByUrl('/sign-in');
  }
}
