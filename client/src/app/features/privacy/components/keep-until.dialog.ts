import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { addDaysIso, todayIso } from '../../../shared/dates/dates';

export interface KeepUntilDialogData {
  name: string;
  /** A suggested date, e.g. a year from today. */
  suggested: string;
}

/** Keep a record from the retention queue until a date, when it comes back for review. */
@Component({
  selector: 'bce-keep-until-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="keep-dialog-title">Keep {{ data.name }}</h2>
    <form (ngSubmit)="keep()">
      <mat-dialog-content>
        <p>They leave the review queue until this date, then come back if still without engagement.</p>
        <mat-form-field>
          <mat-label>Keep until</mat-label>
          <input matInput type="date" name="keepUntil" [(ngModel)]="value" (ngModelChange)="until.set($event)" [min]="tomorrow" required />
          <mat-hint>After today</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="!valid()">Keep</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KeepUntilDialogComponent {
  protected readonly data = inject<KeepUntilDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<KeepUntilDialogComponent, string>>(MatDialogRef);
  protected readonly tomorrow = addDaysIso(todayIso(), 1);
  protected value = this.data.suggested;
  protected readonly until = signal(this.data.suggested);
  protected readonly valid = () => !!this.until() && this.until() >= this.tomorrow;

  protected keep(): void {
    if (this.valid()) this.ref.close(this.until());
  }
}

export async function askKeepUntil(dialog: MatDialog, data: KeepUntilDialogData): Promise<string | null> {
  const ref = dialog.open<KeepUntilDialogComponent, KeepUntilDialogData, string>(KeepUntilDialogComponent, { data, ariaLabelledBy: 'keep-dialog-title', restoreFocus: true });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
