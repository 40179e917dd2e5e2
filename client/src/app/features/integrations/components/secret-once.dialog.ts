import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface SecretOnceDialogData {
  /** "API key created", "Webhook added". */
  title: string;
  /** What the secret is for, e.g. "Student records sync". */
  name: string;
  /** The field's label: "API key", "Signing secret". */
  label: string;
  /** The same inside a sentence: "API key", "signing secret". */
  noun: string;
  secret: string;
  /** How to use it: one short paragraph each. */
  howTo: string[];
}

export const SECRET_ONCE_TITLE_ID = 'secret-once-title';

/**
 * Shows a secret the server keeps only as a hash (an API key) or will never show again (a webhook's
 * signing secret): once, with a copy button. It closes only by its button, so Escape or a stray
 * click outside cannot lose it before it is copied.
 */
@Component({
  selector: 'bce-secret-once-dialog',
  imports: [ClipboardModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title [id]="titleId">{{ data.title }}: {{ data.name }}</h2>
    <mat-dialog-content>
      <p class="banner info once" id="secret-once-warning">
        <strong>Copy it now: you won't see this {{ data.noun }} again.</strong>
        The CRM keeps only a fingerprint of it. If it is lost, make a new one.
      </p>
      <mat-form-field class="wide">
        <mat-label>{{ data.label }}</mat-label>
        <input matInput readonly [value]="data.secret" class="secret" (focus)="select($event)" aria-describedby="secret-once-warning" spellcheck="false" />
      </mat-form-field>
      @for (line of data.howTo; track line) {
        <p class="muted">{{ line }}</p>
      }
      <p role="status" aria-live="polite" class="copied">{{ copied() ? 'Copied to the clipboard.' : '' }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" [cdkCopyToClipboard]="data.secret" (cdkCopyToClipboardCopied)="copied.set($event)" cdkFocusInitial>Copy {{ data.noun }}</button>
      <button mat-flat-button type="button" mat-dialog-close>Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .wide { width: 100%; min-width: min(560px, 80vw); }
    .secret { font-family: ui-monospace, monospace; font-size: 0.95rem; }
    .once { display: block; }
    .copied { min-height: 1.5em; margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretOnceDialog {
  protected readonly data = inject<SecretOnceDialogData>(MAT_DIALOG_DATA);
  protected readonly titleId = SECRET_ONCE_TITLE_ID;
  protected readonly copied = signal(false);

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
