import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import {
  HeBciCategory,
  HeBciPartnerType,
  HeBciReportQuery,
  OpportunityType,
  OrganisationType,
  SetHeBciActivityMappingGQL,
  SetHeBciPartnerMappingGQL,
  SizeBand,
} from '../../../graphql/generated';
import { labelOf, ORGANISATION_TYPE_LABELS } from '../../../shared/labels/enum-labels';
import { HEBCI_CATEGORY_LABELS, HEBCI_CATEGORY_TABLE, HEBCI_PARTNER_TYPE_LABELS } from '../../../shared/labels/hebci-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';

type Summary = HeBciReportQuery['reports']['heBciSummary'];

const SIZE_BANDS: { value: SizeBand | null; label: string }[] = [
  { value: 'micro', label: 'Micro' },
  { value: 'small', label: 'Small' },
  { value: 'medium', label: 'Medium' },
  { value: 'large', label: 'Large' },
  { value: null, label: 'Not recorded' },
];
const NOT_RETURNED = '';

/**
 * How won business becomes the return: opportunity type → heading, organisation type and size
 * band → partner type. Everyone sees it; admins change it in place and the figures follow.
 */
@Component({
  selector: 'bce-hebci-mapping',
  template: `
    <div class="mapping">
      <div>
        <h3 id="activity-mapping-title">Opportunity type → HE-BCI heading</h3>
        <div class="table-wrap">
          <table class="figures" aria-labelledby="activity-mapping-title">
            <thead>
              <tr>
                <th scope="col">Opportunity type</th>
                <th scope="col">Returned under</th>
              </tr>
            </thead>
            <tbody>
              @for (row of activityRows(); track row.type + redraw()) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td>
                    @if (canEdit()) {
                      <select [attr.aria-label]="'HE-BCI heading for ' + row.label" [disabled]="saving()" (change)="setCategory(row.type, value($event))">
                        <option [value]="notReturned" [selected]="!row.category">Not returned</option>
                        @for (c of categories; track c.value) {
                          <option [value]="c.value" [selected]="c.value === row.category">{{ c.label }}</option>
                        }
                      </select>
                    } @else {
                      {{ row.categoryLabel }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h3 id="partner-mapping-title">Organisation type and size → partner type</h3>
        <div class="table-wrap">
          <table class="figures" aria-labelledby="partner-mapping-title">
            <thead>
              <tr>
                <th scope="col">Organisation type</th>
                @for (band of sizeBands; track band.label) {
                  <th scope="col">{{ band.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of partnerRows(); track row.type + redraw()) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  @for (cell of row.cells; track cell.band.label) {
                    <td>
                      @if (canEdit()) {
                        <select
                          [attr.aria-label]="'Partner type for ' + row.label + ', ' + cell.band.label.toLowerCase()"
                          [disabled]="saving()"
                          (change)="setPartner(row.type, cell.band.value, value($event))"
                        >
                          @for (p of partnerTypes; track p.value) {
                            <option [value]="p.value" [selected]="p.value === cell.partnerType">{{ p.label }}</option>
                          }
                        </select>
                      } @else {
                        {{ partnerLabel(cell.partnerType) }}
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="note muted">
          Size bands follow the SME definition: micro, small and medium together are fewer than 250 staff. An organisation with no size band recorded uses the last column.
        </p>
      </div>
    </div>
    @if (!canEdit()) {
      <p class="note muted">Only an admin can change the mapping.</p>
    }
  `,
  styleUrl: '../report-page.scss',
  styles: `
    .mapping {
      display: grid;
      gap: 8px;
      max-width: 1000px;
    }
    h3 {
      margin: 16px 0 0;
      font: var(--mat-sys-title-small);
    }
    select {
      font: inherit;
      min-height: 32px;
      padding: 2px 4px;
      max-width: 100%;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeBciMappingComponent {
  private readonly setActivity = inject(SetHeBciActivityMappingGQL);
  private readonly setPartnerType = inject(SetHeBciPartnerMappingGQL);
  private readonly snackBar = inject(MatSnackBar);

  readonly activityMapping = input.required<Summary['activityMapping']>();
  readonly partnerMapping = input.required<Summary['partnerMapping']>();
  readonly canEdit = input(false);
  /** A mapping was saved: the figures need reloading. */
  readonly changed = output<void>();

  protected readonly saving = signal(false);
  protected readonly redraw = signal(0);
  protected readonly notReturned = NOT_RETURNED;
  protected readonly sizeBands = SIZE_BANDS;
  protected readonly categories = (Object.keys(HEBCI_CATEGORY_LABELS) as HeBciCategory[]).map((value) => ({
    value,
    label: `${HEBCI_CATEGORY_LABELS[value]} (Table ${HEBCI_CATEGORY_TABLE[value]})`,
  }));
  protected readonly partnerTypes = (Object.keys(HEBCI_PARTNER_TYPE_LABELS) as HeBciPartnerType[]).map((value) => ({ value, label: HEBCI_PARTNER_TYPE_LABELS[value] }));

  protected readonly activityRows = computed(() => {
    const byType = new Map(this.activityMapping().map((m) => [m.opportunityType, m.category ?? null]));
    return (Object.keys(OPPORTUNITY_TYPE_LABELS) as OpportunityType[]).map((type) => {
      const category = byType.get(type) ?? null;
      return {
        type,
        label: OPPORTUNITY_TYPE_LABELS[type],
        category,
        categoryLabel: category ? `${HEBCI_CATEGORY_LABELS[category]} (Table ${HEBCI_CATEGORY_TABLE[category]})` : 'Not returned',
      };
    });
  });

  protected readonly partnerRows = computed(() => {
    const key = (type: string, band: SizeBand | null | undefined) => `${type}/${band ?? ''}`;
    const mapped = new Map(this.partnerMapping().map((m) => [key(m.organisationType, m.sizeBand), m.partnerType]));
    return (Object.keys(ORGANISATION_TYPE_LABELS) as OrganisationType[]).map((type) => ({
      type,
      label: labelOf(ORGANISATION_TYPE_LABELS, type),
      // Unmapped combinations count as other commercial (the server's default).
      cells: SIZE_BANDS.map((band) => ({ band, partnerType: mapped.get(key(type, band.value)) ?? ('other_commercial' as HeBciPartnerType) })),
    }));
  });

  protected readonly partnerLabel = (p: HeBciPartnerType) => HEBCI_PARTNER_TYPE_LABELS[p];

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected setCategory(opportunityType: OpportunityType, category: string): void {
    this.save(
      this.setActivity.mutate({ variables: { opportunityType, category: category === NOT_RETURNED ? null : (category as HeBciCategory) } }),
      `${OPPORTUNITY_TYPE_LABELS[opportunityType]} is now ${category === NOT_RETURNED ? 'not returned' : `returned under ${HEBCI_CATEGORY_LABELS[category as HeBciCategory]}`}.`,
    );
  }

  protected setPartner(organisationType: OrganisationType, sizeBand: SizeBand | null, partnerType: string): void {
    this.save(
      this.setPartnerType.mutate({ variables: { organisationType, sizeBand, partnerType: partnerType as HeBciPartnerType } }),
      `Partner type saved: ${ORGANISATION_TYPE_LABELS[organisationType]} (${SIZE_BANDS.find((b) => b.value === sizeBand)!.label.toLowerCase()}) → ${HEBCI_PARTNER_TYPE_LABELS[partnerType as HeBciPartnerType]}.`,
    );
  }

  private save(request: Observable<unknown>, message: string): void {
    this.saving.set(true);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(`${message} The figures have been updated.`, 'OK');
        this.changed.emit();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.snackBar.open(toApiError(e).message, 'Dismiss');
        // Redraw the selects, so each shows what is saved rather than the refused choice.
        this.redraw.update((n) => n + 1);
      },
    });
  }
}
