import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { ChangePasswordGQL } from '../../graphql/generated';
import { DialogSave } from '../../shared/forms/dialog-save';
import { SessionStore } from './session.store';

type Field = 'currentPassword' | 'newPassword';
const MESSAGES: Record<Field, string> = {
  currentPassword: 'Enter the password you signed in with',
  newPassword: 'At least 10 characters',
};

/**
 * The signed-in user's own password (e.g. replacing the temporary one an admin gave them). Their
 * other sessions end; this one carries on with the fresh token the server returns.
 */
@Component({
  selector: 'bce-change-password-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="change-password-title">Change password</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="state.saving()">
      <mat-dialog-content class="fields">
        @if (state.formError(); as message) {
          <p class="banner error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>Current password</mat-label>
          <input matInput type="password" formControlName="currentPassword" required autocomplete="current-password" cdkFocusInitial />
          <mat-error>{{ state.errorFor('currentPassword') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="newPassword" required minlength="10" autocomplete="new-password" />
          <mat-hint>At least 10 characters; a few unrelated words work well</mat-hint>
          <mat-error>{{ state.errorFor('newPassword') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">Change password</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: grid; gap: 8px; min-width: min(380px, 80vw); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordDialog {
  private readonly ref = inject(MatDialogRef<ChangePasswordDialog, boolean>);
  private readonly changeGql = inject(ChangePasswordGQL);
  private readonly session = inject(SessionStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(10)]],
  });
  protected readonly state = new DialogSave<Field>(this.form, MESSAGES, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement);

  protected save(): Promise<void> {
    return this.state.run(async () => {
      const result = (await firstValueFrom(this.changeGql.mutate({ variables: { input: this.form.getRawValue() } }))).data?.changePassword;
      if (result) {
        this.session.start(result.accessToken, result.user);
        this.ref.close(true);
      }
    });
  }

}
