import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { CreateSubjectAccessRequestGQL, SubjectAccessRequestItemFragment } from '../../../graphql/generated';
import { todayIso } from '../../../shared/dates/dates';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';

export interface SubjectAccessRequestDialogData {
  /** The person it is about, when logged from their page. */
  contact: { id: string; name: string } | null;
}

type Field = 'requester' | 'receivedOn';

/** Logs a subject access request the day it arrived; the server sets the one-month due date. */
@Component({
  selector: 'bce-subject-access-request-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="sar-dialog-title">Log a subject access request</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()" [attr.aria-busy]="save.saving()">
      <mat-dialog-content>
        <p class="muted">
          @if (data.contact; as c) {
            About {{ c.name }}.
          }
          The answer is due one calendar month after it was received (31 January → end of February).
        </p>
        @if (save.formError(); as message) {
          <p class="banner error" role="alert">{{ message }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>Requester</mat-label>
          <input matInput formControlName="requester" required maxlength="500" />
          <mat-hint>Who asked and how, e.g. “Jo Bloggs by email to the DPO”</mat-hint>
          <mat-error>{{ save.errorFor('requester') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Received on</mat-label>
          <input matInput type="date" formControlName="receivedOn" required [max]="today" />
          <mat-error>{{ save.errorFor('receivedOn') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="save.saving()">Log request</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; } mat-form-field { display: block; margin-top: 8px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubjectAccessRequestDialogComponent {
  protected readonly data = inject<SubjectAccessRequestDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SubjectAccessRequestDialogComponent, SubjectAccessRequestItemFragment>>(MatDialogRef);
  private readonly createGql = inject(CreateSubjectAccessRequestGQL);
  protected readonly today = todayIso();
  protected readonly form = inject(NonNullableFormBuilder).group({
    requester: [this.data.contact ? `${this.data.contact.name} by ` : '', [requiredTrimmedValidator, Validators.maxLength(500)]],
    receivedOn: [todayIso(), Validators.required],
  });
  protected readonly save = new DialogSave<Field>(this.form, { requester: 'Say who asked and how', receivedOn: 'Enter the day it was received' }, inject(ElementRef).nativeElement);

  protected submit(): Promise<void> {
    return this.save.run(async () => {
      const value = this.form.getRawValue();
      const input = { requester: value.requester.trim(), receivedOn: value.receivedOn, contactId: this.data.contact?.id ?? null };
      const saved = (await saveAnswer(this.createGql.mutate({ variables: { input } }))).data?.createSubjectAccessRequest;
      if (saved) this.ref.close(saved);
    });
  }
}
