import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface TemporaryPasswordDialogData {
  /** "Invited" or "New password for". */
  heading: string;
  name: string;
  email: string;
  temporaryPassword: string;
}

/**
 * Shows a one-time password once (the server keeps only its hash), with a copy button. There is
 * no email sending: the admin hands it over, and the person changes it after signing in.
 */
@Component({
  selector: 'bce-temporary-password-dialog',
  imports: [ClipboardModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="temporary-password-title">{{ data.heading }} {{ data.name }}</h2>
    <mat-dialog-content>
      <p>Give {{ data.name }} this temporary password to sign in as <strong>{{ data.email }}</strong>. It is shown only now.</p>
      <mat-form-field class="wide">
        <mat-label>Temporary password</mat-label>
        <input matInput readonly [value]="data.temporaryPassword" class="password" (focus)="select($event)" />
      </mat-form-field>
      <p class="muted">Once signed in, they can set their own from the account menu (Change password).</p>
      <p role="status" aria-live="polite" class="copied">{{ copied() ? 'Copied to the clipboard.' : '' }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" [cdkCopyToClipboard]="data.temporaryPassword" (cdkCopyToClipboardCopied)="copied.set($event)" cdkFocusInitial>
        Copy password
      </button>
      <button mat-flat-button type="button" mat-dialog-close>Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .wide { width: 100%; min-width: min(420px, 80vw); }
    .password { font-family: ui-monospace, monospace; font-size: 1.25rem; letter-spacing: 0.05em; }
    .copied { min-height: 1.5em; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemporaryPasswordDialog {
  protected readonly data = inject<TemporaryPasswordDialogData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
