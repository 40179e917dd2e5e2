import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { toApiError } from '../../../core/errors/api-error';
import { CreateStageGQL, ReorderStagesGQL, StageOutcome, StageSettingFragment, StageSettingsGQL, UpdateStageGQL } from '../../../graphql/generated';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { optionsOf } from '../../../shared/labels/enum-labels';
import { STAGE_OUTCOME_LABELS } from '../../../shared/labels/opportunity-labels';
import { changedStageFields, moveInOrder } from '../data-access/stage-order';

type StageField = 'name' | 'defaultProbability' | 'outcome';
type StageForm = FormGroup<{ name: FormControl<string>; defaultProbability: FormControl<number>; outcome: FormControl<StageOutcome> }>;
interface Row {
  stage: StageSettingFragment;
  form: StageForm;
  errors: Partial<Record<StageField, string>>;
}

/**
 * The pipeline's stages, for admins: rename, set the default probability and outcome, reorder,
 * add. Each row saves on its own with the version it read, so two admins cannot overwrite
 * each other unseen.
 */
@Component({
  selector: 'bce-stages-page',
  imports: [NgTemplateOutlet, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './stages.page.html',
  styleUrl: './stages.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StagesPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly stagesGql = inject(StageSettingsGQL);
  private readonly createGql = inject(CreateStageGQL);
  private readonly updateGql = inject(UpdateStageGQL);
  private readonly reorderGql = inject(ReorderStagesGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);

  protected readonly outcomes = optionsOf(STAGE_OUTCOME_LABELS);
  protected readonly rows = signal<Row[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly addForm = this.stageForm({ name: '', defaultProbability: 50, outcome: 'open' });
  protected readonly addErrors = signal<Partial<Record<StageField, string>>>({});

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.stagesGql.fetch({ fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        this.show(result.data?.opportunityStages ?? []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }

  protected save(row: Row): void {
    if (row.form.invalid) {
      row.form.markAllAsTouched();
      return;
    }
    const input = changedStageFields(this.valuesOf(row.stage), row.form.getRawValue());
    if (!Object.keys(input).length) return;
    this.busy.set(true);
    this.banner.set(null);
    this.updateGql.mutate({ variables: { id: row.stage.id, version: row.stage.version, input } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const saved = result.data?.updateOpportunityStage;
        if (!saved) return;
        this.rows.update((rows) => rows.map((r) => (r.stage.id === saved.id ? this.rowFor(saved) : r)));
        this.snackBar.open(`Saved “${saved.name}”`, undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.fail(error, row),
    });
  }

  protected move(row: Row, by: -1 | 1): void {
    const ids = moveInOrder(this.rows().map((r) => r.stage.id), row.stage.id, by);
    if (!ids) return;
    this.busy.set(true);
    this.banner.set(null);
    this.reorderGql.mutate({ variables: { ids } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.show(result.data?.reorderOpportunityStages ?? []);
        // Keep the keyboard where it was: on the same arrow of the row that moved, once it is enabled again.
        // At the top or bottom that arrow is disabled, so the other one takes focus.
        afterNextRender({
          read: () => {
            const [same, other] = (by < 0 ? ['up', 'down'] : ['down', 'up']).map((d) => document.getElementById(`move-${d}-${row.stage.id}`) as HTMLButtonElement | null);
            (same && !same.disabled ? same : other)?.focus();
          },
        }, { injector: this.injector });
      },
      error: (error: unknown) => this.fail(error, null),
    });
  }

  protected add(): void {
    if (this.addForm.invalid) {
      this.addForm.markAllAsTouched();
      return;
    }
    const position = Math.max(0, ...this.rows().map((r) => r.stage.position)) + 1;
    this.busy.set(true);
    this.banner.set(null);
    this.addErrors.set({});
    this.createGql.mutate({ variables: { input: { ...this.addForm.getRawValue(), position } } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const created = result.data?.createOpportunityStage;
        if (!created) return;
        this.rows.update((rows) => [...rows, this.rowFor(created)]);
        this.addForm.reset({ name: '', defaultProbability: 50, outcome: 'open' });
        this.snackBar.open(`Added “${created.name}”`, undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        const { placed, banner } = placeFieldErrors<StageField>(api, (field) => this.controlIn(this.addForm, field));
        this.addErrors.set(placed);
        this.banner.set(banner);
      },
    });
  }

  protected outcomeLabel(outcome: StageOutcome): string {
    return STAGE_OUTCOME_LABELS[outcome];
  }

  private fail(error: unknown, row: Row | null): void {
    this.busy.set(false);
    const api = toApiError(error);
    if (api.code === 'CONFLICT' || api.code === 'BAD_USER_INPUT' && !row) {
      // Someone else changed the stages: show theirs rather than guess.
      this.banner.set(`${api.message} The stages have been reloaded as they are now.`);
      this.load();
      return;
    }
    if (row) {
      const { placed, banner } = placeFieldErrors<StageField>(api, (field) => this.controlIn(row.form, field));
      row.errors = placed;
      this.rows.update((rows) => [...rows]);
      this.banner.set(banner);
    } else {
      this.banner.set(api.message);
    }
  }

  private controlIn(form: StageForm, field: string): { field: StageField; control: FormControl<unknown> } | null {
    return field === 'name' || field === 'defaultProbability' || field === 'outcome' ? { field, control: form.controls[field] as FormControl<unknown> } : null;
  }

  private show(stages: StageSettingFragment[]): void {
    this.rows.set([...stages].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)).map((s) => this.rowFor(s)));
  }

  private rowFor(stage: StageSettingFragment): Row {
    return { stage, form: this.stageForm(this.valuesOf(stage)), errors: {} };
  }

  private valuesOf(stage: StageSettingFragment) {
    return { name: stage.name, defaultProbability: stage.defaultProbability, outcome: stage.outcome };
  }

  private stageForm(values: { name: string; defaultProbability: number; outcome: StageOutcome }): StageForm {
    return this.fb.group({
      name: [values.name, [Validators.required, Validators.maxLength(100)]],
      defaultProbability: [values.defaultProbability, [Validators.required, Validators.min(0), Validators.max(100)]],
      outcome: [values.outcome],
    });
  }
}
