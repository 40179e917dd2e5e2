import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import {
  HeBciCategory,
  HeBciReportQuery,
  OpportunityType,
  OrganisationType,
  SetHeBciActivityMappingGQL,
  SetHeBciSectorMappingGQL,
} from '../../../graphql/generated';
import { labelOf, ORGANISATION_TYPE_LABELS } from '../../../shared/labels/enum-labels';
import { HEBCI_CATEGORY_LABELS, HEBCI_CATEGORY_TABLE } from '../../../shared/labels/hebci-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';

type Summary = HeBciReportQuery['reports']['heBciSummary'];

const NOT_RETURNED = '';

/**
 * How won business becomes the return: opportunity type → heading, organisation type →
 * commercial or not (the SME test then splits commercial partners). Everyone sees it; admins change it in place and the figures follow.
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
        <h3 id="sector-mapping-title">Organisation type → commercial or not</h3>
        <div class="table-wrap">
          <table class="figures" aria-labelledby="sector-mapping-title">
            <thead>
              <tr>
                <th scope="col">Organisation type</th>
                <th scope="col">Counts as</th>
              </tr>
            </thead>
            <tbody>
              @for (row of sectorRows(); track row.type + redraw()) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td>
                    @if (canEdit()) {
                      <select [attr.aria-label]="'Commercial or not for ' + row.label" [disabled]="saving()" (change)="setSector(row.type, value($event))">
                        <option value="commercial" [selected]="row.commercial">Commercial (SME test decides SME or other commercial)</option>
                        <option value="non_commercial" [selected]="!row.commercial">Non-commercial (public and third sector)</option>
                      </select>
                    } @else {
                      {{ row.commercial ? 'Commercial (SME test decides SME or other commercial)' : 'Non-commercial' }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="note muted">
          A Companies House category overrides the type: charities, CICs, CIOs and registered societies are non-commercial; plcs and private limited companies are commercial.
          A commercial partner is an SME by the EU/HESA test on its headcount, turnover, balance sheet and group; without figures its size band decides; with neither it is “Unknown size”.
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
  private readonly setSectorMapping = inject(SetHeBciSectorMappingGQL);
  private readonly snackBar = inject(MatSnackBar);

  readonly activityMapping = input.required<Summary['activityMapping']>();
  readonly sectorMapping = input.required<Summary['sectorMapping']>();
  readonly canEdit = input(false);
  /** A mapping was saved: the figures need reloading. */
  readonly changed = output<void>();

  protected readonly saving = signal(false);
  protected readonly redraw = signal(0);
  protected readonly notReturned = NOT_RETURNED;
  protected readonly categories = (Object.keys(HEBCI_CATEGORY_LABELS) as HeBciCategory[]).map((value) => ({
    value,
    label: `${HEBCI_CATEGORY_LABELS[value]} (Table ${HEBCI_CATEGORY_TABLE[value]})`,
  }));

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

  protected readonly sectorRows = computed(() => {
    const mapped = new Map(this.sectorMapping().map((m) => [m.organisationType, m.commercial]));
    return (Object.keys(ORGANISATION_TYPE_LABELS) as OrganisationType[]).map((type) => ({ type, label: labelOf(ORGANISATION_TYPE_LABELS, type), commercial: mapped.get(type) ?? false }));
  });

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected setCategory(opportunityType: OpportunityType, category: string): void {
    this.save(
      this.setActivity.mutate({ variables: { opportunityType, category: category === NOT_RETURNED ? null : (category as HeBciCategory) } }),
      `${OPPORTUNITY_TYPE_LABELS[opportunityType]} is now ${category === NOT_RETURNED ? 'not returned' : `returned under ${HEBCI_CATEGORY_LABELS[category as HeBciCategory]}`}.`,
    );
  }

  protected setSector(organisationType: OrganisationType, choice: string): void {
    const commercial = choice === 'commercial';
    this.save(
      this.setSectorMapping.mutate({ variables: { organisationType, commercial } }),
      `${ORGANISATION_TYPE_LABELS[organisationType]} now counts as ${commercial ? 'commercial' : 'non-commercial'}.`,
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
