import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { TopOrganisationRowItemFragment, TopOrganisationsReportGQL } from '../../../graphql/generated';
import { ChartComponent, ChartPick } from '../../../shared/charts/chart.component';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { formatPence, formatPenceCompact, pence } from '../../../shared/money/money';
import { ReportCardComponent } from '../components/report-card.component';
import { barChartHeight, barOptions } from '../data-access/report-charts';
import { ReportFilterStore } from '../data-access/report-filter.store';
import { formatCount } from '../data-access/report-format';
import { queryState } from '../../../shared/data/query-state';

const TOP = 10;

interface Row {
  rank: number;
  organisationId: string;
  name: string;
  wonValuePence: number;
  engagementCount: number;
}

const toRows = (rows: readonly TopOrganisationRowItemFragment[] | undefined): Row[] =>
  (rows ?? []).map((r, i) => ({ rank: i + 1, organisationId: r.organisationId, name: r.name, wonValuePence: pence(r.wonValuePence), engagementCount: r.engagementCount }));

/** The organisations bringing in the most won value, and those engaged with most, in the period. */
@Component({
  selector: 'bce-top-organisations-report-page',
  imports: [RouterLink, ChartComponent, ExportMenuComponent, ReportCardComponent],
  templateUrl: './top-organisations-report.page.html',
  styleUrl: '../report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopOrganisationsReportPage {
  private readonly gql = inject(TopOrganisationsReportGQL);
  private readonly router = inject(Router);
  private readonly store = inject(ReportFilterStore);

  protected readonly top = TOP;
  protected readonly period = this.store.periodLabel;
  protected readonly report = queryState(
    () => this.store.filter(),
    (filter) => this.gql.fetch({ variables: { filter, first: TOP }, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data?.reports ?? null)),
  );

  // Organisations with nothing won come back too (ranked by engagements); a won-value ranking leaves them out.
  protected readonly byWonValue = computed(() => toRows(this.report.value()?.wonValue.filter((r) => pence(r.wonValuePence) > 0)));
  protected readonly byEngagements = computed(() => toRows(this.report.value()?.engagements.filter((r) => r.engagementCount > 0)));

  protected readonly wonChart = computed(() =>
    barOptions({
      categories: this.byWonValue().map((r) => r.name),
      series: [{ name: 'Won value', data: this.byWonValue().map((r) => ({ value: r.wonValuePence, key: r.organisationId })) }],
      format: formatPence,
      axisFormat: formatPenceCompact,
      horizontal: true,
      labels: true,
      labelWidth: 240,
    }),
  );
  protected readonly engagementChart = computed(() =>
    barOptions({
      categories: this.byEngagements().map((r) => r.name),
      series: [{ name: 'Engagements', data: this.byEngagements().map((r) => ({ value: r.engagementCount, key: r.organisationId })) }],
      format: formatCount,
      horizontal: true,
      labels: true,
      labelWidth: 240,
    }),
  );
  protected readonly wonHeight = computed(() => barChartHeight(this.byWonValue().length));
  protected readonly engagementHeight = computed(() => barChartHeight(this.byEngagements().length));

  protected readonly columns: ExportColumn<Row>[] = [
    { header: 'Rank', value: (r) => r.rank, type: 'number' },
    { header: 'Organisation', value: (r) => r.name },
    { header: 'Won value (£)', value: (r) => r.wonValuePence, type: 'money' },
    { header: 'Engagements', value: (r) => r.engagementCount, type: 'number' },
  ];
  protected readonly wonFileName = computed(() => exportFileName('top organisations by won value', this.store.periodKey()));
  protected readonly engagementFileName = computed(() => exportFileName('top organisations by engagements', this.store.periodKey()));

  protected readonly money = formatPence;
  protected readonly count = formatCount;

  protected open(pick: ChartPick): void {
    const id = (pick.data as { key?: string } | null)?.key;
    if (id) void this.router.navigate(['/organisations', id]);
  }
}
