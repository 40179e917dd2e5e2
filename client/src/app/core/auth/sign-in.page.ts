import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SignInMethodsGQL, SignInMethodsQuery } from '../../graphql/generated';
import { toApiError } from '../errors/api-error';
import { PRODUCT_NAME } from '../shell/page-title.strategy';
import { AuthService } from './auth.service';
import { signInErrorMessage, ssoErrorMessage } from './sign-in-messages';
import { rememberReturnUrl, safeReturnUrl } from './sso-return-url';

type Methods = SignInMethodsQuery['signInMethods'];
/** When the server cannot say (it is down): the password form, which will explain the failure itself. */
const PASSWORD_ONLY: Methods = { local: true, oidc: false, saml: false, oidcLabel: null, samlLabel: null };

@Component({
  selector: 'bce-sign-in-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');

  protected readonly productName = PRODUCT_NAME;
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(this.ssoError());
  protected readonly methods = signal<Methods | null>(null);
  /** With password sign-in off, an admin's break-glass account can still open the form. */
  protected readonly breakGlass = signal(false);
  protected readonly showPassword = computed(() => Boolean(this.methods()?.local) || this.breakGlass());
  protected readonly hasSso = computed(() => Boolean(this.methods()?.oidc || this.methods()?.saml));
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  constructor() {
    firstValueFrom(inject(SignInMethodsGQL).fetch({ fetchPolicy: 'network-only' }))
      .then((result) => this.methods.set(result.data?.signInMethods ?? PASSWORD_ONLY))
      .catch(() => this.methods.set(PASSWORD_ONLY));
  }

  /** The identity provider is a full page away: remember where to come back to. */
  protected leaveForSso(): void {
    rememberReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl') ?? '/');
  }

  protected openBreakGlass(): void {
    this.breakGlass.set(true);
    setTimeout(() => this.emailInput()?.nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set(null);
      this.emailInput()?.nativeElement.focus();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    try {
      await this.auth.signIn(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
    } catch (error) {
      this.error.set(signInErrorMessage(toApiError(error)));
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  private ssoError(): string | null {
    const code = inject(ActivatedRoute).snapshot.queryParamMap.get('error');
    return code ? ssoErrorMessage(code) : null;
  }
}
