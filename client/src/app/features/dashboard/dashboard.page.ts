import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { DashboardGoingColdGQL, ManagerDashboardGQL } from '../../graphql/generated';
import { ChartComponent, ChartPick } from '../../shared/charts/chart.component';
import { formatDateTime, formatIsoDate, relativeDays, todayIso } from '../../shared/dates/dates';
import { formatPence, pence } from '../../shared/money/money';
import { ReportCardComponent } from '../reports/components/report-card.component';
import { pivotActivity } from '../reports/data-access/activity-pivot';
import { monthStartBefore } from '../reports/data-access/months';
import { queryState } from '../../shared/data/query-state';
import { barOptions, funnelOptions, trendOptions } from '../reports/data-access/report-charts';
import { formatCount, plural } from '../reports/data-access/report-format';
import { wonValuePeriods } from './data-access/quarters';

const GOING_COLD = 8;

/**
 * The managers' home page: the open pipeline as a funnel, this quarter's won value against last
 * year's, the relationships going cold, and twelve months of activity. Each card leads to its report.
 */
@Component({
  selector: 'bce-dashboard-page',
  imports: [RouterLink, MatButtonModule, ChartComponent, ReportCardComponent],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly gql = inject(ManagerDashboardGQL);
  private readonly goingColdGql = inject(DashboardGoingColdGQL);
  private readonly router = inject(Router);

  private readonly today = todayIso();
  protected readonly periods = wonValuePeriods(this.today);
  protected readonly trendFrom = monthStartBefore(this.today, 11);

  protected readonly data = queryState(
    () => ({
      thisQuarter: this.periods.toDate,
      lastYearToDate: this.periods.lastYearToDate,
      lastYearQuarter: { from: this.periods.lastYearQuarter.from, to: this.periods.lastYearQuarter.to },
      trend: { from: this.trendFrom, to: this.today },
    }),
    (variables) => this.gql.fetch({ variables, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data ?? null)),
  );

  // Pipeline funnel.
  protected readonly pipeline = computed(() => {
    const p = this.data.value()?.pipeline;
    return p ? { count: p.count, totalValuePence: pence(p.totalValuePence), weightedValuePence: pence(p.weightedValuePence) } : null;
  });
  protected readonly stages = computed(() =>
    [...(this.data.value()?.pipeline.stages ?? [])]
      .sort((a, b) => a.stage.position - b.stage.position)
      .map((s) => ({ name: s.stage.name, key: s.stage.id, count: s.count, valuePence: pence(s.totalValuePence) })),
  );
  protected readonly funnel = computed(() => funnelOptions(this.stages(), formatPence));
  protected readonly funnelLabel = computed(
    () => `Funnel of open opportunities by stage: ${this.stages().map((s) => `${s.name} ${s.count}`).join(', ')}.`,
  );

  // Won value this quarter against last year.
  protected readonly won = computed(() => {
    const reports = this.data.value()?.reports;
    if (!reports) return null;
    const sum = (rows: readonly { won: number; wonValuePence: unknown }[]) => ({
      count: rows.reduce((t, r) => t + r.won, 0),
      valuePence: rows.reduce((t, r) => t + pence(r.wonValuePence), 0),
    });
    const now = sum(reports.thisQuarter);
    const before = sum(reports.lastYearToDate);
    const whole = sum(reports.lastYearQuarter);
    const change = before.valuePence ? (now.valuePence - before.valuePence) / before.valuePence : null;
    return { now, before, whole, change };
  });
  protected readonly wonChart = computed(() => {
    const won = this.won();
    return barOptions({
      categories: ['This quarter so far', 'Same days last year', 'Whole quarter last year'],
      series: [
        {
          name: 'Won value',
          data: won ? [won.now, won.before, won.whole].map((w, i) => ({ value: w.valuePence, key: String(i) })) : [],
        },
      ],
      format: formatPence,
      horizontal: true,
      labels: true,
      axisFormat: () => '',
    });
  });
  protected readonly winRateLink = { from: this.periods.toDate.from, to: this.periods.toDate.to };

  // Going cold.
  protected readonly cold = queryState(
    () => GOING_COLD,
    (first) => this.goingColdGql.fetch({ variables: { first }, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data?.goingCold ?? null)),
  );
  protected readonly goingCold = computed(() => this.cold.value() ?? []);
  // Scored once a day on the server (not live): say when, or the list reads as up to the minute.
  protected readonly coldDescription = computed(() => {
    const at = this.goingCold()[0]?.computedAt;
    const about = 'Important organisations whose relationship health fell by 10 points or more in 90 days.';
    return at ? `${about} As of ${formatDateTime(at)}.` : about;
  });

  // Activity trend.
  protected readonly trend = computed(() => pivotActivity(this.data.value()?.reports.activity ?? [], { from: this.trendFrom, to: this.today }));
  protected readonly trendChart = computed(() =>
    trendOptions(
      // The current month is not over: say so, or its dip reads as a fall.
      this.trend().rows.map((r, i, rows) => (i === rows.length - 1 ? `${r.label} (to date)` : r.label)),
      this.trend().rows.map((r) => r.total),
      'Engagements',
      formatCount,
      true,
    ),
  );
  protected readonly trendLabel = computed(() => {
    const rows = this.trend().rows;
    return `Line chart of engagements per month over the last 12 months, ${plural(this.trend().total, 'engagement', 'engagements')} in all${
      rows.length ? `, ${formatCount(rows[rows.length - 1].total)} so far in ${rows[rows.length - 1].label}` : ''
    }.`;
  });
  protected readonly activityLink = { from: this.trendFrom, to: this.today };

  protected readonly money = formatPence;
  protected readonly count = formatCount;
  protected readonly date = formatIsoDate;
  protected readonly ago = (iso: string | null | undefined) => relativeDays(iso, this.today);
  protected readonly percent = (change: number) => `${Math.abs(Math.round(change * 100))}%`;
  protected readonly opportunities = (n: number) => plural(n, 'opportunity', 'opportunities');

  protected openStage(pick: ChartPick): void {
    const key = (pick.data as { key?: string } | null)?.key;
    if (key) void this.router.navigate(['/pipeline'], { queryParams: { view: 'table', stageIds: key } });
  }
}
