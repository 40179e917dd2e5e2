import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { AssessmentActionItemFragment, CreateTaskFromActionGQL } from '../../../graphql/generated';
import { fromIsoDate, toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { OwnersService } from '../../../shared/users/owners.service';
import { defaultDueDate } from '../data-access/action-plan.model';

export interface MakeTaskDialogData {
  action: AssessmentActionItemFragment;
}

type Field = 'assigneeId' | 'dueOn';

/** Turns an action-plan item into a task: who does it and by when. */
@Component({
  selector: 'bce-make-task-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule],
  providers: [provideUkDateAdapter()],
  template: `
    <h2 mat-dialog-title>Make a task</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="action-text">{{ data.action.text }}</p>
        @if (formError(); as message) {
          <p class="banner error" role="alert">{{ message }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>Assignee</mat-label>
          <mat-select formControlName="assigneeId" required>
            @for (u of users() ?? []; track u.id) {
              <mat-option [value]="u.id">{{ u.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errors().assigneeId ?? 'Choose who will do it' }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Due date</mat-label>
          <input matInput formControlName="dueOn" [matDatepicker]="duePicker" required placeholder="dd/mm/yyyy" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="duePicker" aria-label="Choose the due date from a calendar" />
          <mat-datepicker #duePicker />
          <mat-error>{{ errors().dueOn ?? 'Enter a date like 31/01/2026' }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Make the task</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .action-text { margin: 0 0 16px; font-weight: 500; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MakeTaskDialog {
  protected readonly data = inject<MakeTaskDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<MakeTaskDialog, AssessmentActionItemFragment | undefined>);
  private readonly createGql = inject(CreateTaskFromActionGQL);

  protected readonly users = toSignal(inject(OwnersService).owners());
  protected readonly form = inject(NonNullableFormBuilder).group({
    assigneeId: [this.data.action.owner?.id ?? '', Validators.required],
    dueOn: new FormControl<Date | null>(fromIsoDate(this.data.action.dueOn) ?? defaultDueDate(), Validators.required),
  });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly errors = signal<Partial<Record<Field, string>>>({});

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { assigneeId, dueOn } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const result = await firstValueFrom(this.createGql.mutate({ variables: { actionId: this.data.action.id, assigneeId, dueOn: toIsoDate(dueOn)! } }));
      this.ref.close(result.data?.createTaskFromAction ?? undefined);
    } catch (error) {
      const { placed, banner } = placeFieldErrors<Field>(toApiError(error), (f) => (f === 'assigneeId' || f === 'dueOn' ? { field: f, control: this.form.controls[f] } : null));
      this.errors.set(placed);
      this.formError.set(banner);
    } finally {
      this.saving.set(false);
    }
  }
}
