import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export const LOST_REASON_SUGGESTIONS = ['Went with another provider', 'Budget withdrawn', 'Timing did not suit', 'Funding bid unsuccessful', 'No response after proposal'];

/** Asks why an opportunity was lost: the win-rate report is only as useful as these reasons. */
@Component({
  selector: 'bce-lost-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="lost-title">Why was “{{ data.title }}” lost?</h2>
    <form (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="wide">
          <mat-label>Reason</mat-label>
          <textarea matInput [formControl]="reason" rows="3" cdkFocusInitial required></textarea>
          <mat-error>Say why, so the team can learn from it</mat-error>
        </mat-form-field>
        <div class="suggestions" role="group" aria-label="Common reasons">
          @for (s of suggestions; track s) {
            <button mat-stroked-button type="button" (click)="reason.setValue(s)">{{ s }}</button>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">Mark as lost</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; min-width: min(480px, 80vw); }
    .suggestions { display: flex; flex-wrap: wrap; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LostReasonDialog {
  protected readonly data = inject<{ title: string }>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<LostReasonDialog, string>);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] });
  protected readonly suggestions = LOST_REASON_SUGGESTIONS;

  protected save(): void {
    const value = this.reason.value.trim();
    if (!value) {
      this.reason.markAsTouched();
      this.reason.setErrors({ required: true });
      return;
    }
    this.ref.close(value);
  }
}
