import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { map } from 'rxjs';
import { ActivityReportGQL } from '../../../graphql/generated';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { todayIso } from '../../../shared/dates/dates';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { groupByFromUrl } from '../data-access/group-by';
import { ReportCardComponent } from '../components/report-card.component';
import { ActivityMonthRow, pivotActivity } from '../data-access/activity-pivot';
import { barOptions } from '../data-access/report-charts';
import { periodOf } from '../data-access/report-filter';
import { ReportFilterStore } from '../data-access/report-filter.store';
import { engagementTypeLabel, formatCount } from '../data-access/report-format';
import { queryState } from '../../../shared/data/query-state';

type Dimension = 'department' | 'type';
const DIMENSIONS: { value: Dimension; label: string }[] = [
  { value: 'department', label: 'Department' },
  { value: 'type', label: 'Engagement type' },
];

/** Engagements logged per month, stacked by department or by engagement type. */
@Component({
  selector: 'bce-activity-report-page',
  imports: [MatButtonModule, MatButtonToggleModule, ChartComponent, ExportMenuComponent, ReportCardComponent],
  templateUrl: './activity-report.page.html',
  styleUrl: '../report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityReportPage {
  private readonly gql = inject(ActivityReportGQL);
  private readonly store = inject(ReportFilterStore);

  protected readonly dimensions = DIMENSIONS;
  private readonly groupBy = groupByFromUrl(DIMENSIONS, 'department');
  protected readonly by = this.groupBy.by;
  protected readonly byLabel = this.groupBy.label;
  protected readonly period = this.store.periodLabel;

  protected readonly report = queryState(
    () => this.store.filter(),
    (filter) => this.gql.fetch({ variables: { filter }, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data?.reports ?? null)),
  );

  protected readonly pivot = computed(() => {
    const by = this.by();
    const { from, to } = periodOf(this.store.state());
    // Months still to come would only add empty bars.
    const today = todayIso();
    const end = to && to > today ? today : to;
    const pivot = pivotActivity(this.report.value()?.[by] ?? [], { from, to: end }, (r) => (by === 'type' ? engagementTypeLabel(r.key) : r.label));
    // This month is not over: say so, or its short bar reads as a fall.
    return { ...pivot, rows: pivot.rows.map((r) => (r.month === today.slice(0, 7) ? { ...r, label: `${r.label} (to date)` } : r)) };
  });
  protected readonly empty = computed(() => this.pivot().total === 0);

  protected readonly chart = computed(() => {
    const pivot = this.pivot();
    return barOptions({
      categories: pivot.rows.map((r) => r.label),
      series: pivot.series.map((s) => ({ name: s.label, data: s.counts.map((value) => ({ value, key: s.key })) })),
      format: formatCount,
      stacked: true,
    });
  });
  protected readonly chartLabel = computed(
    () => `Stacked bar chart of engagements per month by ${this.byLabel()}, ${this.period()}. The table below lists the figures.`,
  );

  protected readonly columns = computed<ExportColumn<ActivityMonthRow>[]>(() => [
    { header: 'Month', value: (r) => r.month },
    ...this.pivot().series.map((s): ExportColumn<ActivityMonthRow> => ({ header: s.label, value: (r) => r.counts[s.key], type: 'number' })),
    { header: 'Total', value: (r) => r.total, type: 'number' },
  ]);
  protected readonly fileName = computed(() => exportFileName('activity by', this.by(), this.store.periodKey()));
  protected readonly count = formatCount;

  protected setBy(by: Dimension): void {
    this.groupBy.set(by);
  }
}
