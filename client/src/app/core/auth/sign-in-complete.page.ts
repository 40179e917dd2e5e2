import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { takeReturnUrl } from './sso-return-url';

/**
 * Where the server lands an institution (SSO) sign-in: /sign-in/complete#token=…. The token is in
 * the fragment so it never reaches a server log; it is taken out of the address bar at once.
 */
@Component({
  selector: 'bce-sign-in-complete-page',
  imports: [MatProgressBarModule],
  template: `
    <main class="complete" id="main-content" aria-busy="true">
      <p role="status">Signing you in…</p>
      <mat-progress-bar mode="indeterminate" aria-label="Signing in" />
    </main>
  `,
  styles: `.complete { max-width: 400px; margin: 96px auto; padding: 24px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInCompletePage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  async ngOnInit(): Promise<void> {
    const token = new URLSearchParams(this.route.snapshot.fragment ?? '').get('token');
    history.replaceState(history.state, '', location.pathname);
    const user = token ? await this.auth.completeSignIn(token) : null;
    await this.router.navigateByUrl(user ? takeReturnUrl() : '/sign-in?error=sso_failed', { replaceUrl: true });
  }
}
