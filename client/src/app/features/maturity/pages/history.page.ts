import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom, map, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { MaturityAssessmentsGQL, MaturityComparisonGQL, StartAssessmentGQL } from '../../../graphql/generated';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { formatDateTime, formatIsoDate } from '../../../shared/dates/dates';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { queryState } from '../../../shared/data/query-state';
import { formatChange, levelLabel } from '../data-access/levels';
import { radarLabel, radarOptions } from '../data-access/radar';
import { changeRows, comparedNames, comparisonSeries } from '../data-access/results.model';

const MAX_COMPARED = 6;

/**
 * /maturity: every assessment, newest first; managers start one; and a comparison of chosen
 * assessments on one radar with the change per dimension.
 */
@Component({
  selector: 'bce-maturity-history-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, ChartComponent],
  templateUrl: './history.page.html',
  styleUrl: './history.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPage {
  private readonly listGql = inject(MaturityAssessmentsGQL);
  private readonly compareGql = inject(MaturityComparisonGQL);
  private readonly startGql = inject(StartAssessmentGQL);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  protected readonly canStart = this.auth.isManager;
  protected readonly canWrite = this.auth.canWrite;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly departments = toSignal(inject(DepartmentsService).departments(), { initialValue: [] });

  protected readonly list = queryState(
    () => null,
    () => this.listGql.fetch({ variables: { first: 50 }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.assessments ?? null)),
  );
  protected readonly assessments = computed(() => (this.list.value()?.edges ?? []).map((e) => e.node));

  /** What to compare: by default the newest assessment and the two completed ones before it. */
  protected readonly compared = linkedSignal<string[]>(() => {
    const all = this.assessments();
    const [newest, ...rest] = all;
    return newest ? [newest.id, ...rest.filter((a) => a.status === 'completed').slice(0, 2).map((a) => a.id)] : [];
  });
  protected readonly comparison = queryState(
    () => [...this.compared()].sort(),
    (ids) => (ids.length ? this.compareGql.fetch({ variables: { ids }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.compareAssessments ?? null)) : of(null)),
  );
  protected readonly comparedNames = computed(() => {
    const c = this.comparison.value();
    return c ? comparedNames(c) : [];
  });
  protected readonly changes = computed(() => {
    const c = this.comparison.value();
    return c ? changeRows(c) : [];
  });
  protected readonly comparisonChart = computed(() => {
    const c = this.comparison.value();
    if (!c) return null;
    const titles = c.dimensions.map((d) => d.title);
    const series = comparisonSeries(c);
    return { options: radarOptions(titles, series), label: radarLabel('the compared assessments', titles, series) };
  });

  protected readonly startForm = inject(NonNullableFormBuilder).group({
    title: ['', [requiredTrimmedValidator, Validators.maxLength(200)]],
    departmentId: [''],
  });
  protected readonly starting = signal(false);
  protected readonly startError = signal<string | null>(null);
  protected readonly titleError = signal<string | null>(null);

  protected readonly level = levelLabel;
  protected readonly change = formatChange;
  protected readonly date = formatIsoDate;
  protected readonly dateTime = formatDateTime;
  protected readonly maxCompared = MAX_COMPARED;

  protected isCompared(id: string): boolean {
    return this.compared().includes(id);
  }

  protected toggleCompared(id: string, on: boolean): void {
    this.compared.update((ids) => (on ? [...ids.filter((x) => x !== id), id].slice(-MAX_COMPARED) : ids.filter((x) => x !== id)));
  }

  protected async start(): Promise<void> {
    if (this.starting()) return;
    this.startError.set(null);
    this.titleError.set(null);
    if (this.startForm.invalid) {
      this.startForm.markAllAsTouched();
      this.titleError.set('Give the assessment a title, e.g. “Institution CRM maturity 2026”');
      return;
    }
    const { title, departmentId } = this.startForm.getRawValue();
    this.starting.set(true);
    try {
      const result = await firstValueFrom(this.startGql.mutate({ variables: { input: { title: title.trim(), departmentId: departmentId || null } } }));
      const id = result.data?.startAssessment.id;
      if (id) await this.router.navigate(['/maturity', id, 'answer']);
    } catch (error) {
      const { placed, banner } = placeFieldErrors<'title' | 'departmentId'>(toApiError(error), (field) =>
        field === 'title' || field === 'departmentId' ? { field, control: this.startForm.controls[field] } : null,
      );
      this.titleError.set(placed.title ?? null);
      this.startError.set(placed.departmentId ?? banner);
    } finally {
      this.starting.set(false);
    }
  }
}
