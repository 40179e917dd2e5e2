import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { HeBciCategory, HeBciReportGQL, OpportunityType } from '../../../graphql/generated';
import { ChartComponent, ChartPick } from '../../../shared/charts/chart.component';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { HEBCI_CATEGORY_LABELS, HEBCI_PARTNER_TYPE_HINTS, HEBCI_PARTNER_TYPE_LABELS } from '../../../shared/labels/hebci-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatPence, formatPenceCompact, pence } from '../../../shared/money/money';
import { HeBciMappingComponent } from '../components/hebci-mapping.component';
import { HeBciReturnComponent } from '../components/hebci-return.component';
import { ReportCardComponent } from '../components/report-card.component';
import { academicYearRange } from '../../../shared/dates/academic-year';
import { HEBCI_PARTNER_TYPES, HeBciExportRow, hebciExportRows, hebciTables } from '../data-access/hebci-table';
import { barOptions } from '../data-access/report-charts';
import { academicYearFor, isCustomRange, pipelineDrillParams } from '../data-access/report-filter';
import { ReportFilterStore } from '../data-access/report-filter.store';
import { formatCount, plural } from '../data-access/report-format';
import { queryState } from '../../../shared/data/query-state';
import { formatIsoDate } from '../../../shared/dates/dates';

/** The HE-BCI return's contract tables for an academic year, and the mapping that produces them. */
@Component({
  selector: 'bce-hebci-report-page',
  imports: [RouterLink, ChartComponent, ExportMenuComponent, ReportCardComponent, HeBciMappingComponent, HeBciReturnComponent],
  templateUrl: './hebci-report.page.html',
  styleUrl: '../report-page.scss',
  styles: `
    .hebci-table {
      margin-top: 24px;
    }
    .hebci-table h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    table.figures {
      table-layout: fixed;
      min-width: 820px;
    }
    table.figures col.heading-col {
      width: 28%;
    }
    table.figures thead th.group {
      text-align: center;
      border-left: 1px solid var(--mat-sys-outline-variant);
    }
    table.figures .first {
      border-left: 1px solid var(--mat-sys-outline-variant);
    }
    table.figures .total {
      background: var(--mat-sys-surface-container-low);
    }
    .unknown-size {
      margin: 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    .partner-key {
      margin: 12px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeBciReportPage {
  private readonly gql = inject(HeBciReportGQL);
  private readonly router = inject(Router);
  private readonly store = inject(ReportFilterStore);

  private readonly auth = inject(AuthService);
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly canEdit = this.auth.canWrite;
  protected readonly year = computed(() => academicYearFor(this.store.state()));
  protected readonly yearLabel = computed(() => {
    const { from, to } = academicYearRange(this.year());
    return `${this.year()} (${formatIsoDate(from)} – ${formatIsoDate(to)})`;
  });
  protected readonly fromRange = computed(() => isCustomRange(this.store.state()));
  protected readonly ownerIgnored = computed(() => !!this.store.state().ownerId);

  protected readonly departmentIds = computed(() => (this.store.state().departmentIds.length ? this.store.state().departmentIds : null));
  protected readonly report = queryState(
    () => ({ academicYear: this.year(), departmentIds: this.departmentIds() }),
    (variables) => this.gql.fetch({ variables, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data ?? null)),
  );
  protected readonly summary = computed(() => this.report.value()?.reports.heBciSummary ?? null);

  protected readonly tables = computed(() =>
    hebciTables((this.summary()?.cells ?? []).map((c) => ({ category: c.category, partnerType: c.partnerType, count: c.count, valuePence: pence(c.valuePence) }))),
  );
  protected readonly empty = computed(() => !this.summary()?.cells.length);
  protected readonly partnerTypes = HEBCI_PARTNER_TYPES.map((value) => ({ value, label: HEBCI_PARTNER_TYPE_LABELS[value], hint: HEBCI_PARTNER_TYPE_HINTS[value] }));

  /** The opportunity types returned under each heading, to open the records behind a row. */
  private readonly typesByCategory = computed(() => {
    const out = new Map<HeBciCategory, OpportunityType[]>();
    for (const m of this.summary()?.activityMapping ?? []) if (m.category) out.set(m.category, [...(out.get(m.category) ?? []), m.opportunityType]);
    return out;
  });
  private readonly wonStageIds = computed(() => (this.report.value()?.opportunityStages ?? []).filter((s) => s.outcome === 'won').map((s) => s.id));

  protected readonly notReturned = computed(() => {
    const summary = this.summary();
    if (!summary?.notReturnedCount) return null;
    const types = summary.activityMapping.filter((m) => !m.category).map((m) => OPPORTUNITY_TYPE_LABELS[m.opportunityType].toLowerCase());
    const list = types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : types[0];
    const n = summary.notReturnedCount;
    return `${plural(n, 'won contract', 'won contracts')} in ${summary.academicYear} ${n === 1 ? 'is' : 'are'} of a type that is not part of the return (${list}), so ${n === 1 ? 'it is' : 'they are'} not counted above. ${this.isAdmin() ? 'Change' : 'An admin can change'} the mapping below if ${n === 1 ? 'it' : 'they'} should be.`;
  });

  protected readonly chart = computed(() => {
    const rows = this.tables().flatMap((t) => t.rows);
    return barOptions({
      categories: rows.map((r) => r.label),
      series: this.partnerTypes.map((p) => ({ name: p.label, data: rows.map((r) => ({ value: r.byPartner[p.value].valuePence, key: r.category ?? '' })) })),
      format: formatPence,
      axisFormat: formatPenceCompact,
      horizontal: true,
      stacked: true,
      labelWidth: 280,
    });
  });

  protected readonly exportRows = computed(() => hebciExportRows(this.tables()));
  protected readonly columns: ExportColumn<HeBciExportRow>[] = [
    { header: 'Table', value: (r) => r.table },
    { header: 'Heading', value: (r) => r.heading },
    ...HEBCI_PARTNER_TYPES.flatMap((p): ExportColumn<HeBciExportRow>[] => [
      { header: `${HEBCI_PARTNER_TYPE_LABELS[p]}: number`, value: (r) => r.row.byPartner[p].count, type: 'number' },
      { header: `${HEBCI_PARTNER_TYPE_LABELS[p]}: £000s`, value: (r) => r.row.byPartner[p].valueThousands, type: 'number' },
    ]),
    { header: 'Total: number', value: (r) => r.row.total.count, type: 'number' },
    { header: 'Total: £000s', value: (r) => r.row.total.valueThousands, type: 'number' },
    { header: 'Total value (£)', value: (r) => r.row.total.valuePence, type: 'money' },
  ];
  protected readonly fileName = computed(() => exportFileName('hebci summary', this.year()));

  protected readonly count = formatCount;
  protected readonly money = formatPence;
  protected readonly date = formatIsoDate;
  protected readonly thousands = (n: number) => formatCount(n);
  protected readonly categoryLabel = (c: HeBciCategory) => HEBCI_CATEGORY_LABELS[c];

  /** The won opportunities of the heading's types delivered in the year (partner type is not a pipeline filter). */
  protected drillParams(category: HeBciCategory | null): Record<string, string> | null {
    const types = category ? this.typesByCategory().get(category) : undefined;
    if (!types?.length || !this.wonStageIds().length) return null;
    return pipelineDrillParams(this.store.state(), { types, stageIds: this.wonStageIds(), ownerId: '', running: academicYearRange(this.year()) });
  }

  protected drill(pick: ChartPick): void {
    const params = this.drillParams(((pick.data as { key?: string } | null)?.key || null) as HeBciCategory | null);
    if (params) void this.router.navigate(['/pipeline'], { queryParams: params });
  }
}
