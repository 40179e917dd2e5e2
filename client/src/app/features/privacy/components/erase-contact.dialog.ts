import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { nameConfirmed } from '../data-access/privacy.model';

export interface EraseContactDialogData {
  name: string;
}

/**
 * The last question before an erasure: it cannot be undone, so the person's name must be typed.
 * Resolves to the typed name (sent to the server, which checks it again) or null.
 */
@Component({
  selector: 'bce-erase-contact-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="erase-dialog-title">Erase {{ data.name }} for good?</h2>
    <form (ngSubmit)="confirm()">
      <mat-dialog-content>
        <p>
          Their name becomes “Erased person”; emails, phones, job title and notes about them are removed from every record, the
          audit trail included. Engagements, opportunities and report figures stay, without them.
        </p>
        <p><strong>This cannot be undone.</strong> Export everything held first if the request asks for a copy.</p>
        <mat-form-field class="wide">
          <mat-label>Type their name to confirm</mat-label>
          <input matInput name="confirmName" [(ngModel)]="typedValue" (ngModelChange)="typed.set($event)" autocomplete="off" [placeholder]="data.name" />
          <mat-hint>{{ data.name }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null" cdkFocusInitial>Cancel</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="!matches()">Erase for good</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .danger:not([disabled]) { background: var(--mat-sys-error, #b3261e); color: var(--mat-sys-on-error, #fff); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EraseContactDialogComponent {
  protected readonly data = inject<EraseContactDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EraseContactDialogComponent, string | null>>(MatDialogRef);
  protected typedValue = '';
  protected readonly typed = signal('');
  protected readonly matches = () => nameConfirmed(this.typed(), this.data.name);

  protected confirm(): void {
    if (!this.matches()) return;
    this.ref.close(this.typed().trim());
  }
}

/** Asks; resolves to the confirmed name, or null when cancelled. */
export async function confirmErasure(dialog: MatDialog, name: string): Promise<string | null> {
  const ref = dialog.open<EraseContactDialogComponent, EraseContactDialogData, string | null>(EraseContactDialogComponent, {
    data: { name }, ariaLabelledBy: 'erase-dialog-title', restoreFocus: true, maxWidth: '600px',
  });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
