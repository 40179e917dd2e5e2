import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { CompleteAssessmentGQL, MaturityResultsGQL } from '../../../graphql/generated';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { formatDateTime, formatIsoDate } from '../../../shared/dates/dates';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { exportFileName } from '../../../shared/export/table-export';
import { queryState } from '../../../shared/data/query-state';
import { ActionPlanComponent } from '../components/action-plan.component';
import { formatScore, levelLabel } from '../data-access/levels';
import { radarLabel, radarOptions } from '../data-access/radar';
import {
  canComplete, DIMENSION_EXPORT_COLUMNS, dimensionRows, indicatorCounts, indicatorThresholds, indicatorValue, resultsSeries, titlesOf,
} from '../data-access/results.model';

/**
 * /maturity/:id: the levels per dimension and overall with the radar, the spread of answers, the
 * evidence from the CRM's own data and where it disagrees, recommendations, respondents, and the
 * action plan. The lead (or an admin) completes it here. Printable for a committee.
 */
@Component({
  selector: 'bce-maturity-results-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, ChartComponent, ExportMenuComponent, ActionPlanComponent],
  templateUrl: './results.page.html',
  styleUrl: './results.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultsPage {
  readonly id = input.required<string>();

  private readonly resultsGql = inject(MaturityResultsGQL);
  private readonly completeGql = inject(CompleteAssessmentGQL);
  private readonly auth = inject(AuthService);

  protected readonly query = queryState(
    () => this.id(),
    (id) => this.resultsGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.assessment ?? null)),
  );
  protected readonly assessment = this.query.value;
  private readonly levels = computed(() => this.assessment()?.framework.levels ?? []);
  protected readonly rows = computed(() => dimensionRows(this.assessment()?.results.dimensions ?? [], this.levels()));
  protected readonly chart = computed(() => {
    const rows = this.rows();
    const titles = rows.map((r) => r.title);
    const series = resultsSeries(rows);
    return { options: radarOptions(titles, series), label: radarLabel('the self-assessed score per dimension, with the level the CRM data suggests', titles, series) };
  });
  protected readonly strengths = computed(() => titlesOf(this.assessment()?.results.strengths ?? [], this.rows()));
  protected readonly gaps = computed(() => titlesOf(this.assessment()?.results.gaps ?? [], this.rows()));
  protected readonly toImprove = computed(() => this.rows().filter((r) => r.nextLevel && r.recommendations.length));
  protected readonly dimensionTitle = (key: string) => this.rows().find((r) => r.key === key)?.title ?? key;

  protected readonly isLead = computed(() => this.assessment()?.leadId === this.auth.user()?.id);
  protected readonly canLead = computed(() => this.isLead() || this.auth.isAdmin());
  /** The action plan is kept by the lead, managers and admins. */
  protected readonly canPlan = computed(() => this.isLead() || this.auth.isManager());
  protected readonly canAnswer = computed(() => this.auth.canWrite() && this.assessment()?.status === 'in_progress');
  protected readonly completable = computed(() => canComplete(this.assessment()?.respondents ?? []));
  protected readonly completing = signal(false);
  protected readonly banner = signal<{ kind: 'info' | 'error'; text: string } | null>(null);

  protected readonly columns = DIMENSION_EXPORT_COLUMNS;
  protected readonly fileName = computed(() => exportFileName('maturity results', this.assessment()?.title ?? ''));
  protected readonly level = (l: Parameters<typeof levelLabel>[0]) => levelLabel(l, this.levels());
  protected readonly score = formatScore;
  protected readonly date = formatIsoDate;
  protected readonly dateTime = formatDateTime;
  protected readonly value = indicatorValue;
  protected readonly counts = indicatorCounts;
  protected readonly thresholds = indicatorThresholds;

  protected print(): void {
    window.print();
  }

  protected async complete(): Promise<void> {
    const a = this.assessment();
    if (!a || this.completing()) return;
    this.completing.set(true);
    this.banner.set(null);
    try {
      await firstValueFrom(this.completeGql.mutate({ variables: { id: a.id, version: a.version } }));
      this.banner.set({ kind: 'info', text: 'The assessment is completed. Its answers are final and the evidence from the CRM is kept as measured today.' });
      this.query.reload();
    } catch (error) {
      const api = toApiError(error);
      if (api.code === 'CONFLICT') {
        this.banner.set({ kind: 'info', text: `${api.message} The results have been reloaded as they are now.` });
        this.query.reload();
      } else {
        this.banner.set({ kind: 'error', text: Object.values(api.fields).flat()[0] ?? api.message });
      }
    } finally {
      this.completing.set(false);
    }
  }
}
