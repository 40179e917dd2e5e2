import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { AddAssessmentActionGQL, AssessmentActionItemFragment } from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { OwnersService } from '../../../shared/users/owners.service';
import { toAddActionInput } from '../data-access/action-plan.model';
import { MakeTaskDialog, MakeTaskDialogData } from './make-task.dialog';

type Field = 'dimensionKey' | 'text' | 'ownerId' | 'dueOn';

/** The action plan: what the institution will do about the results, each item able to become a task with an owner and a due date. */
@Component({
  selector: 'bce-action-plan',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  providers: [provideUkDateAdapter()],
  templateUrl: './action-plan.component.html',
  styleUrl: './action-plan.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionPlanComponent {
  readonly assessmentId = input.required<string>();
  readonly actions = input.required<readonly AssessmentActionItemFragment[]>();
  /** The assessment's dimensions, gaps first would be nice but framework order is what people know. */
  readonly dimensions = input.required<ReadonlyArray<{ key: string; title: string }>>();
  readonly canPlan = input(false);
  readonly changed = output<void>();

  private readonly addGql = inject(AddAssessmentActionGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthService).user;

  protected readonly users = toSignal(inject(OwnersService).owners());
  protected readonly form = inject(NonNullableFormBuilder).group({
    dimensionKey: ['', Validators.required],
    text: ['', [requiredTrimmedValidator, Validators.maxLength(1000)]],
    ownerId: [''],
    dueOn: new FormControl<Date | null>(null),
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly myId = computed(() => this.me()?.id ?? null);
  protected readonly date = formatIsoDate;

  protected dimensionTitle(key: string): string {
    return this.dimensions().find((d) => d.key === key)?.title ?? key;
  }

  protected async add(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    this.errors.set({});
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      await firstValueFrom(this.addGql.mutate({ variables: { input: toAddActionInput(this.assessmentId(), this.form.getRawValue()) } }));
      // resetForm clears the submitted state too, so the emptied fields do not show errors.
      this.formDirective()?.resetForm({ dimensionKey: this.form.controls.dimensionKey.value, text: '', ownerId: '', dueOn: null });
      this.snackBar.open('Action added to the plan', undefined, { duration: 3000 });
      this.changed.emit();
    } catch (error) {
      const { placed, banner } = placeFieldErrors<Field>(toApiError(error), (f) =>
        f === 'dimensionKey' || f === 'text' || f === 'ownerId' || f === 'dueOn' ? { field: f, control: this.form.controls[f] } : null,
      );
      this.errors.set(placed);
      this.formError.set(banner);
    } finally {
      this.saving.set(false);
    }
  }

  protected makeTask(action: AssessmentActionItemFragment): void {
    this.dialog
      .open<MakeTaskDialog, MakeTaskDialogData, AssessmentActionItemFragment | undefined>(MakeTaskDialog, { data: { action }, width: '480px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.snackBar.open(`Task made for ${updated.task?.assignee?.name ?? updated.owner?.name ?? 'the assignee'}`, undefined, { duration: 4000 });
        this.changed.emit();
      });
  }
}
