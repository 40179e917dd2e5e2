import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { OpportunityType, PipelineReportGQL, PipelineReportRowItemFragment } from '../../../graphql/generated';
import { ChartComponent, ChartPick } from '../../../shared/charts/chart.component';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { formatPence, formatPenceCompact, pence } from '../../../shared/money/money';
import { groupByFromUrl } from '../data-access/group-by';
import { ReportCardComponent } from '../components/report-card.component';
import { barChartHeight, barOptions } from '../data-access/report-charts';
import { PipelineDrill, pipelineDrillParams } from '../data-access/report-filter';
import { ReportFilterStore } from '../data-access/report-filter.store';
import { formatCount, opportunityTypeLabel, plural } from '../data-access/report-format';
import { queryState } from '../../../shared/data/query-state';

type Dimension = 'stage' | 'type' | 'department' | 'owner';
const DIMENSIONS: { value: Dimension; label: string }[] = [
  { value: 'stage', label: 'Stage' },
  { value: 'type', label: 'Type' },
  { value: 'department', label: 'Department' },
  { value: 'owner', label: 'Owner' },
];

interface Row {
  key: string;
  label: string;
  count: number;
  valuePence: number;
  weightedValuePence: number;
  /** Query params for /pipeline; null when the records cannot be singled out (no owner). */
  drill: Record<string, string> | null;
}

/** Open pipeline by stage, type, department or owner: count, value and weighted value. */
@Component({
  selector: 'bce-pipeline-report-page',
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, ChartComponent, ExportMenuComponent, ReportCardComponent],
  templateUrl: './pipeline-report.page.html',
  styleUrl: '../report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineReportPage {
  private readonly gql = inject(PipelineReportGQL);
  private readonly router = inject(Router);
  private readonly store = inject(ReportFilterStore);

  protected readonly dimensions = DIMENSIONS;
  private readonly groupBy = groupByFromUrl(DIMENSIONS, 'stage');
  protected readonly by = this.groupBy.by;
  protected readonly byHeading = this.groupBy.heading;
  protected readonly byLabel = this.groupBy.label;
  protected readonly period = this.store.periodLabel;

  protected readonly report = queryState(
    () => this.store.filter(),
    (filter) => this.gql.fetch({ variables: { filter }, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data?.reports ?? null)),
  );

  protected readonly rows = computed<Row[]>(() => {
    const report = this.report.value();
    const by = this.by();
    return (report?.[by] ?? []).map((r) => this.toRow(by, r));
  });
  protected readonly total = computed(() => {
    const rows = this.rows();
    return {
      count: rows.reduce((t, r) => t + r.count, 0),
      valuePence: rows.reduce((t, r) => t + r.valuePence, 0),
      weightedValuePence: rows.reduce((t, r) => t + r.weightedValuePence, 0),
      drill: pipelineDrillParams(this.store.state(), { expectedClose: true }),
    };
  });

  protected readonly chart = computed(() =>
    barOptions({
      categories: this.rows().map((r) => r.label),
      series: [
        { name: 'Value', data: this.rows().map((r) => ({ value: r.valuePence, key: r.key })) },
        { name: 'Weighted value', data: this.rows().map((r) => ({ value: r.weightedValuePence, key: r.key })) },
      ],
      format: formatPence,
      axisFormat: formatPenceCompact,
      horizontal: true,
    }),
  );
  protected readonly chartHeight = computed(() => barChartHeight(this.rows().length, 2));
  protected readonly chartLabel = computed(
    () => `Bar chart of open pipeline value and weighted value by ${this.byLabel()}, ${this.period()}. The table below lists the figures.`,
  );

  protected readonly columns = computed<ExportColumn<Row>[]>(() => [
    { header: this.byHeading(), value: (r) => r.label },
    { header: 'Opportunities', value: (r) => r.count, type: 'number' },
    { header: 'Value (£)', value: (r) => r.valuePence, type: 'money' },
    { header: 'Weighted value (£)', value: (r) => r.weightedValuePence, type: 'money' },
  ]);
  protected readonly fileName = computed(() => exportFileName('pipeline by', this.by(), this.store.periodKey()));

  protected readonly count = formatCount;
  protected readonly money = formatPence;
  protected readonly opportunities = (n: number) => plural(n, 'opportunity', 'opportunities');

  protected setBy(by: Dimension): void {
    this.groupBy.set(by);
  }

  protected drill(pick: ChartPick): void {
    const key = (pick.data as { key?: string } | null)?.key;
    const row = this.rows().find((r) => r.key === key);
    if (row?.drill) void this.router.navigate(['/pipeline'], { queryParams: row.drill });
  }

  private toRow(by: Dimension, r: PipelineReportRowItemFragment): Row {
    const drill: PipelineDrill | null =
      by === 'stage'
        ? { stageIds: [r.key] }
        : by === 'type'
          ? { types: [r.key as OpportunityType] }
          : by === 'department'
            ? { departmentIds: [r.key] }
            : r.key
              ? { ownerId: r.key }
              : null;
    return {
      key: r.key,
      label: by === 'type' ? opportunityTypeLabel(r.key) : r.label,
      count: r.count,
      valuePence: pence(r.valuePence),
      weightedValuePence: pence(r.weightedValuePence),
      drill: drill ? pipelineDrillParams(this.store.state(), { ...drill, expectedClose: true }) : null,
    };
  }
}
