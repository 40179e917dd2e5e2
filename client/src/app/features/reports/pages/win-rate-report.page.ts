import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { OpportunityType, WinRateReportGQL } from '../../../graphql/generated';
import { ChartComponent, ChartPick } from '../../../shared/charts/chart.component';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { formatPence, pence } from '../../../shared/money/money';
import { groupByFromUrl } from '../data-access/group-by';
import { ReportCardComponent } from '../components/report-card.component';
import { barChartHeight, barOptions } from '../data-access/report-charts';
import { PipelineDrill, pipelineDrillParams } from '../data-access/report-filter';
import { ReportFilterStore } from '../data-access/report-filter.store';
import { formatCount, formatDays, formatRate, opportunityTypeLabel } from '../data-access/report-format';
import { queryState } from '../../../shared/data/query-state';

type Dimension = 'type' | 'department';
const DIMENSIONS: { value: Dimension; label: string }[] = [
  { value: 'type', label: 'Type' },
  { value: 'department', label: 'Department' },
];

interface Row {
  key: string;
  label: string;
  won: number;
  lost: number;
  winRate: number | null;
  averageDaysToClose: number | null;
  wonValuePence: number;
  wonDrill: Record<string, string>;
  lostDrill: Record<string, string>;
}

/** Won against lost, and days to win, by type or department, for opportunities closed in the period. */
@Component({
  selector: 'bce-win-rate-report-page',
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, ChartComponent, ExportMenuComponent, ReportCardComponent],
  templateUrl: './win-rate-report.page.html',
  styleUrl: '../report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WinRateReportPage {
  private readonly gql = inject(WinRateReportGQL);
  private readonly router = inject(Router);
  private readonly store = inject(ReportFilterStore);

  protected readonly dimensions = DIMENSIONS;
  private readonly groupBy = groupByFromUrl(DIMENSIONS, 'type');
  protected readonly by = this.groupBy.by;
  protected readonly byHeading = this.groupBy.heading;
  protected readonly byLabel = this.groupBy.label;
  protected readonly period = this.store.periodLabel;

  protected readonly report = queryState(
    () => this.store.filter(),
    (filter) => this.gql.fetch({ variables: { filter }, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data ?? null)),
  );

  private readonly stageIds = computed(() => {
    const stages = this.report.value()?.opportunityStages ?? [];
    return { won: stages.filter((s) => s.outcome === 'won').map((s) => s.id), lost: stages.filter((s) => s.outcome === 'lost').map((s) => s.id) };
  });

  protected readonly rows = computed<Row[]>(() => {
    const by = this.by();
    const state = this.store.state();
    const { won, lost } = this.stageIds();
    return (this.report.value()?.reports[by] ?? []).map((r) => {
      const drill: PipelineDrill = by === 'type' ? { types: [r.key as OpportunityType] } : { departmentIds: [r.key] };
      return {
        key: r.key,
        label: by === 'type' ? opportunityTypeLabel(r.key) : r.label,
        won: r.won,
        lost: r.lost,
        winRate: r.winRate ?? null,
        averageDaysToClose: r.averageDaysToClose ?? null,
        wonValuePence: pence(r.wonValuePence),
        wonDrill: pipelineDrillParams(state, { ...drill, stageIds: won, closed: true }),
        lostDrill: pipelineDrillParams(state, { ...drill, stageIds: lost, closed: true }),
      };
    });
  });
  protected readonly total = computed(() => {
    const rows = this.rows();
    const won = rows.reduce((t, r) => t + r.won, 0);
    const lost = rows.reduce((t, r) => t + r.lost, 0);
    const daysWeighted = rows.reduce((t, r) => t + (r.averageDaysToClose ?? 0) * r.won, 0);
    return {
      won,
      lost,
      winRate: won + lost ? won / (won + lost) : null,
      // The mean over every win, not the mean of the rows' means.
      averageDaysToClose: won ? daysWeighted / won : null,
      wonValuePence: rows.reduce((t, r) => t + r.wonValuePence, 0),
    };
  });

  protected readonly rateChart = computed(() =>
    barOptions({
      categories: this.rows().map((r) => r.label),
      series: [{ name: 'Win rate', data: this.rows().map((r) => ({ value: Math.round((r.winRate ?? 0) * 100), key: r.key })) }],
      format: (v) => `${v}%`,
      horizontal: true,
      labels: true,
      max: 100,
    }),
  );
  protected readonly daysChart = computed(() =>
    barOptions({
      categories: this.rows().map((r) => r.label),
      series: [{ name: 'Average days to close', data: this.rows().map((r) => ({ value: r.averageDaysToClose, key: r.key })) }],
      format: (v) => formatDays(v),
      axisFormat: (v) => String(v),
      horizontal: true,
      labels: true,
    }),
  );
  protected readonly chartHeight = computed(() => barChartHeight(this.rows().length));

  protected readonly columns = computed<ExportColumn<Row>[]>(() => [
    { header: this.byHeading(), value: (r) => r.label },
    { header: 'Won', value: (r) => r.won, type: 'number' },
    { header: 'Lost', value: (r) => r.lost, type: 'number' },
    { header: 'Win rate (%)', value: (r) => (r.winRate === null ? null : Math.round(r.winRate * 1000) / 10), type: 'number' },
    { header: 'Average days to close', value: (r) => r.averageDaysToClose, type: 'number' },
    { header: 'Won value (£)', value: (r) => r.wonValuePence, type: 'money' },
  ]);
  protected readonly fileName = computed(() => exportFileName('win rate by', this.by(), this.store.periodKey()));

  protected readonly count = formatCount;
  protected readonly rate = formatRate;
  protected readonly days = formatDays;
  protected readonly money = formatPence;

  protected setBy(by: Dimension): void {
    this.groupBy.set(by);
  }

  protected drill(pick: ChartPick): void {
    const key = (pick.data as { key?: string } | null)?.key;
    const row = this.rows().find((r) => r.key === key);
    if (row) void this.router.navigate(['/pipeline'], { queryParams: row.wonDrill });
  }
}
