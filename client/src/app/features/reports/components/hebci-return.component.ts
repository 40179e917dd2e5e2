import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { map, of } from 'rxjs';
import { HeBciCellRecordsGQL, HeBciReportQuery } from '../../../graphql/generated';
import { queryState } from '../../../shared/data/query-state';
import { HEBCI_INCOME_RULE_LABELS, HEBCI_PARTNER_TYPE_LABELS } from '../../../shared/labels/hebci-labels';
import { formatPence } from '../../../shared/money/money';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ExportColumn, exportFileName } from '../../../shared/export/table-export';
import { describeCell, drillRecords, hebciReturn, PartFilter, RETURN_PARTNER_TYPES, ReturnCell, ReturnExportRow, returnExportRows, returnFigure } from '../data-access/hebci-return';
import { formatCount } from '../data-access/report-format';
import { OpportunityHeBciDialog, OpportunityHeBciDialogData } from '../../pipeline/components/opportunity-hebci.dialog';

type Summary = HeBciReportQuery['reports']['heBciSummary'];

/**
 * The return in HESA's layout (Tables 1–4 by funding source, partner type and IP type), each
 * figure a button that opens the contracts behind it with their amount for the year and the
 * rule that counted it.
 */
@Component({
  selector: 'bce-hebci-return',
  imports: [RouterLink, ExportMenuComponent],
  template: `
    <div class="export"><bce-export-menu [rows]="exportRows()" [columns]="exportColumns" [fileName]="fileName()" [what]="'HE-BCI return ' + summary().academicYear" sheetName="HE-BCI return" /></div>
    @for (t of tables(); track t.table) {
      <section class="hebci-table" [attr.aria-labelledby]="'hesa-table-' + t.table">
        <h3 [id]="'hesa-table-' + t.table">{{ t.title }}</h3>
        @for (b of t.blocks; track b.title) {
          <div class="table-wrap">
            <table class="figures">
              <caption>{{ b.title }}</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  @if (b.columns === 'partner') {
                    @for (p of partnerTypes; track p.value) {
                      <th scope="col" class="num">{{ p.label }}</th>
                    }
                    <th scope="col" class="num total">Total</th>
                  } @else {
                    <th scope="col" class="num">Number, £000s</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of b.rows; track row.label) {
                  <tr [class.total]="row.label === 'Total'">
                    <th scope="row">{{ row.label }}</th>
                    @for (c of row.cells; track $index) {
                      <td class="num" [class.zero]="!c.count" [class.total]="b.columns === 'partner' && $last">
                        @if (c.count) {
                          <button type="button" class="cell-link" [attr.aria-label]="'Show the ' + c.count + ' contracts behind ' + describe(row.label, c.filter)"
                            [attr.aria-pressed]="isSelected(c.filter)" (click)="select(row.label, c)">{{ figure(c) }}</button>
                        } @else {
                          {{ figure(c) }}
                        }
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }

    @if (drill(); as d) {
      <section class="drill" aria-live="polite" aria-labelledby="hebci-drill-title">
        <h3 id="hebci-drill-title">{{ d.title }}: {{ d.count }} {{ d.count === 1 ? 'contract' : 'contracts' }}</h3>
        @if (records.error(); as message) {
          <p class="error" role="alert">{{ message }} <button type="button" (click)="records.reload()">Try again</button></p>
        } @else if (records.loading() && !d.rows.length) {
          <p class="muted" role="status">Loading the contracts…</p>
        }
        <div class="table-wrap">
          <table class="figures drill-table">
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">Organisation</th>
                <th scope="col">Partner type, why</th>
                <th scope="col">Rule</th>
                <th scope="col" class="num">Contract value</th>
                <th scope="col" class="num">In this cell this year</th>
                @if (canEdit()) {
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (r of d.rows; track r.opportunityId) {
                <tr>
                  <th scope="row">{{ r.title }}</th>
                  <td><a [routerLink]="['/organisations', r.organisationId]">{{ r.organisationName }}</a></td>
                  <td>{{ partnerLabel(r.partnerType) }} — {{ r.sizeReason }}</td>
                  <td>{{ ruleLabel(r.rule) }}</td>
                  <td class="num">{{ money(r.valuePence) }}</td>
                  <td class="num">{{ r.cellDays !== null ? r.cellDays + ' days' : money(r.cellPence) }}</td>
                  @if (canEdit()) {
                    <td><button type="button" class="cell-link" (click)="edit(r.opportunityId)" [attr.aria-label]="'Edit the HE-BCI details of ' + r.title">HE-BCI details</button></td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (d.rows.length < d.count && !records.loading()) {
          <p class="muted">Showing the first {{ d.rows.length }} of {{ d.count }}.
            @if (d.rows.length < maxRecords) {
              <button type="button" (click)="more()">Show {{ pageSize }} more</button>
            }
          </p>
        }
        <button type="button" class="close" (click)="selected.set(null)">Close the list</button>
      </section>
    }
  `,
  styleUrl: '../report-page.scss',
  styles: `
    .export { display: flex; justify-content: flex-end; }
    .hebci-table { margin-top: 24px; }
    .hebci-table h3, .drill h3 { margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    caption { text-align: left; font: var(--mat-sys-title-small); padding: 8px 0 4px; }
    table.figures { min-width: 760px; }
    tr.total th, tr.total td, td.total { background: var(--mat-sys-surface-container-low); font-weight: 500; }
    .cell-link { font: inherit; color: var(--mat-sys-primary); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
    .cell-link[aria-pressed='true'] { font-weight: 700; }
    .drill { margin-top: 24px; padding: 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    .close { margin-top: 8px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeBciReturnComponent {
  readonly summary = input.required<Summary>();
  /** The departments the summary is for: the records behind a cell are read for the same scope. */
  readonly departmentIds = input<string[] | null>(null);
  readonly canEdit = input(false);
  /** HE-BCI details were saved: the figures need reloading. */
  readonly changed = output<void>();
  private readonly dialog = inject(MatDialog);
  private readonly recordsGql = inject(HeBciCellRecordsGQL);

  protected readonly tables = computed(() => hebciReturn(this.summary().lines));
  protected readonly partnerTypes = RETURN_PARTNER_TYPES.map((value) => ({ value, label: HEBCI_PARTNER_TYPE_LABELS[value] }));
  protected readonly exportRows = computed(() => returnExportRows(this.tables()));
  protected readonly exportColumns: ExportColumn<ReturnExportRow>[] = [
    { header: 'Table', value: (r) => r.table },
    { header: 'Section', value: (r) => r.section },
    { header: 'Line', value: (r) => r.line },
    ...RETURN_PARTNER_TYPES.flatMap((p, i): ExportColumn<ReturnExportRow>[] => [
      { header: `${HEBCI_PARTNER_TYPE_LABELS[p]}: number`, value: (r) => r.byPartner?.[i].count ?? '', type: 'number' },
      { header: `${HEBCI_PARTNER_TYPE_LABELS[p]}: £000s (days for learner days)`, value: (r) => returnFigure(r.byPartner?.[i]), type: 'number' },
    ]),
    { header: 'Total: number', value: (r) => r.total.count, type: 'number' },
    { header: 'Total: £000s (days for learner days)', value: (r) => returnFigure(r.total), type: 'number' },
  ];
  protected readonly fileName = computed(() => exportFileName('hebci return', this.summary().academicYear));
  protected readonly selected = signal<{ title: string; filter: PartFilter; count: number } | null>(null);
  protected readonly pageSize = 200;
  protected readonly maxRecords = 2_000;
  private readonly first = signal(this.pageSize);
  /** The contracts behind the open cell, read when it is opened (the summary carries only the figures). */
  protected readonly records = queryState(
    () => {
      const s = this.selected();
      return s && { academicYear: this.summary().academicYear, departmentIds: this.departmentIds(), cell: s.filter, first: this.first() };
    },
    (variables) => variables
      ? this.recordsGql.fetch({ variables, fetchPolicy: 'no-cache' }).pipe(map((r) => r.data?.reports.heBciSummary.records ?? []))
      : of([]),
  );
  protected readonly drill = computed(() => {
    const s = this.selected();
    return s ? { title: s.title, count: s.count, rows: drillRecords(this.records.value() ?? [], s.filter) } : null;
  });

  protected readonly describe = describeCell;
  protected readonly money = formatPence;
  protected readonly partnerLabel = (p: keyof typeof HEBCI_PARTNER_TYPE_LABELS) => HEBCI_PARTNER_TYPE_LABELS[p];
  protected readonly ruleLabel = (r: keyof typeof HEBCI_INCOME_RULE_LABELS) => HEBCI_INCOME_RULE_LABELS[r];

  protected figure(c: ReturnCell): string {
    return c.learnerDays !== null ? `${formatCount(c.count)} · ${formatCount(c.learnerDays)} days` : `${formatCount(c.count)} · ${formatCount(c.valueThousands)}`;
  }

  protected edit(opportunityId: string): void {
    const data: OpportunityHeBciDialogData = { opportunityId };
    this.dialog.open(OpportunityHeBciDialog, { data, ariaLabelledBy: 'hebci-dialog-title', width: '720px', maxWidth: '95vw' })
      .afterClosed().subscribe((saved) => {
        if (!saved) return;
        this.changed.emit();
        this.records.reload();
      });
  }

  protected more(): void {
    this.first.update((n) => Math.min(n + this.pageSize, this.maxRecords));
  }

  protected isSelected(f: PartFilter): boolean {
    return JSON.stringify(this.selected()?.filter) === JSON.stringify(f);
  }

  protected select(row: string, c: ReturnCell): void {
    this.first.set(this.pageSize);
    this.selected.set(this.isSelected(c.filter) ? null : { title: describeCell(row, c.filter), filter: c.filter, count: c.count });
  }
}
