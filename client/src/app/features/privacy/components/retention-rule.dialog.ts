import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { CreateRetentionRuleGQL, RetentionRuleItemFragment, UpdateRetentionRuleGQL } from '../../../graphql/generated';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';

export interface RetentionRuleDialogData {
  editing: RetentionRuleItemFragment | null;
}

type Field = 'periodMonths' | 'description' | 'active';

/** A retention rule for contacts: how many months without an engagement before a person reviews them. */
@Component({
  selector: 'bce-retention-rule-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatCheckboxModule],
  template: `
    <h2 mat-dialog-title id="rule-dialog-title">{{ data.editing ? 'Edit retention rule' : 'Add retention rule' }}</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()" [attr.aria-busy]="save.saving()">
      <mat-dialog-content>
        @if (save.formError(); as message) {
          <p class="banner error" role="alert">{{ message }}</p>
        }
        <p class="muted">Contacts with no engagement for this long are listed for review: keep, archive or erase.</p>
        <mat-form-field class="wide">
          <mat-label>Description</mat-label>
          <input matInput formControlName="description" required maxlength="300" />
          <mat-hint>e.g. Contacts with no engagement for 6 years</mat-hint>
          <mat-error>{{ save.errorFor('description') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Months without an engagement</mat-label>
          <input matInput type="number" formControlName="periodMonths" required min="1" max="1200" />
          <mat-hint>72 months is 6 years</mat-hint>
          <mat-error>{{ save.errorFor('periodMonths') }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="active">Active: records due under it are listed</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="save.saving()">Save rule</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; } mat-form-field { display: block; margin-top: 8px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionRuleDialogComponent {
  protected readonly data = inject<RetentionRuleDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RetentionRuleDialogComponent, RetentionRuleItemFragment>>(MatDialogRef);
  private readonly createGql = inject(CreateRetentionRuleGQL);
  private readonly updateGql = inject(UpdateRetentionRuleGQL);
  protected readonly form = inject(NonNullableFormBuilder).group({
    description: [this.data.editing?.description ?? '', [requiredTrimmedValidator, Validators.maxLength(300)]],
    periodMonths: [this.data.editing?.periodMonths ?? 72, [Validators.required, Validators.min(1), Validators.max(1200), Validators.pattern(/^\d+$/)]],
    active: [this.data.editing?.active ?? true],
  });
  protected readonly save = new DialogSave<Field>(this.form, {
    description: 'Describe the rule', periodMonths: 'Enter a whole number of months from 1 to 1200', active: '',
  }, inject(ElementRef).nativeElement);

  protected submit(): Promise<void> {
    return this.save.run(async () => {
      const { description, periodMonths, active } = this.form.getRawValue();
      const fields = { description: description.trim(), periodMonths: Number(periodMonths), active };
      const editing = this.data.editing;
      const saved = editing
        ? (await saveAnswer(this.updateGql.mutate({ variables: { id: editing.id, version: editing.version, input: fields } }))).data?.updateRetentionRule
        : (await saveAnswer(this.createGql.mutate({ variables: { input: { ...fields, recordType: 'contact' } } }))).data?.createRetentionRule;
      if (saved) this.ref.close(saved);
    });
  }
}
