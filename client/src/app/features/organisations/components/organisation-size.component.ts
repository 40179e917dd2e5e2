import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { problemList, toApiError } from '../../../core/errors/api-error';
import { OrganisationNameGQL, OrganisationSizeGQL, OrganisationSizeQuery, SearchGQL, UpdateOrganisationSizeGQL } from '../../../graphql/generated';
import { SME_BASIS_LABELS } from '../../../shared/labels/hebci-labels';
import { formatPence } from '../../../shared/money/money';
import { organisationDisplayName, OrganisationOption, organisationOptions } from '../../../shared/search/organisation-typeahead';
import { sizeFormValue, smeSummary, toSizeInput } from '../data-access/organisation-size.model';

/**
 * "Size and group (for HE-BCI)": whether the organisation is an SME by the EU/HESA test and why,
 * and the figures the test reads (headcount, turnover, balance sheet, their year, the parent
 * organisation and the share it holds), edited in place.
 */
@Component({
  selector: 'bce-organisation-size',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule],
  template: `
    <section id="size-and-group" aria-labelledby="size-title">
      <h2 id="size-title">Size and group (for HE-BCI)</h2>
      @if (data(); as d) {
        @if (d.organisationSmeStatus; as s) {
          <p class="sme" [class.unknown]="s.partnerType === 'unknown'"><strong>{{ summary(s) }}</strong>&nbsp;<span class="muted">({{ basis(s.basis) }})</span></p>
        }
        @if (!editing()) {
          <dl class="facts">
            <dt>Headcount</dt><dd>{{ d.organisation?.headcount ?? 'not recorded' }}</dd>
            <dt>Turnover</dt><dd>{{ money(d.organisation?.turnoverPence) }}</dd>
            <dt>Balance sheet total</dt><dd>{{ money(d.organisation?.balanceSheetPence) }}</dd>
            <dt>Figures from</dt><dd>{{ d.organisation?.sizeYear ?? 'not recorded' }}</dd>
            <dt>Parent organisation</dt><dd>{{ parentName() ? parentName() + ' (' + (d.organisation?.parentOwnershipPercent ?? '?') + ' % owned)' : 'none' }}</dd>
          </dl>
          @if (canWrite()) {
            <button mat-stroked-button type="button" (click)="editing.set(true)">Edit size and group</button>
          }
        } @else {
          <form [formGroup]="form" (ngSubmit)="save()" novalidate class="grid">
            @if (problems().length) {
              <ul class="error wide" role="alert">@for (p of problems(); track p) { <li>{{ p }}</li> }</ul>
            }
            <mat-form-field><mat-label>Headcount (staff)</mat-label><input matInput formControlName="headcount" inputmode="numeric" autocomplete="off" /></mat-form-field>
            <mat-form-field><mat-label>Year of the figures</mat-label><input matInput formControlName="sizeYear" inputmode="numeric" autocomplete="off" placeholder="e.g. 2025" /></mat-form-field>
            <mat-form-field><mat-label>Turnover (£)</mat-label><input matInput formControlName="turnover" inputmode="decimal" autocomplete="off" /></mat-form-field>
            <mat-form-field><mat-label>Balance sheet total (£)</mat-label><input matInput formControlName="balanceSheet" inputmode="decimal" autocomplete="off" /></mat-form-field>
            <mat-form-field>
              <mat-label>Parent organisation</mat-label>
              <input matInput formControlName="parent" [matAutocomplete]="parentAuto" autocomplete="off" placeholder="Type 3 letters to search" />
              <mat-autocomplete #parentAuto="matAutocomplete" [displayWith]="displayName" autoActiveFirstOption>
                @for (o of parentOptions(); track o.id) { <mat-option [value]="o">{{ o.name }}</mat-option> }
              </mat-autocomplete>
            </mat-form-field>
            <mat-form-field><mat-label>Share held by the parent (%)</mat-label><input matInput formControlName="parentOwnershipPercent" inputmode="numeric" autocomplete="off" /></mat-form-field>
            <div class="wide actions">
              <button mat-button type="button" (click)="editing.set(false)">Cancel</button>
              <button mat-flat-button type="submit" [disabled]="saving()">Save size and group</button>
            </div>
          </form>
        }
      } @else {
        <p class="muted">{{ error() ?? 'Loading…' }}</p>
      }
    </section>
  `,
  styles: `
    :host { display: block; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .sme.unknown strong { color: var(--mat-sys-error); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 0 16px; }
    .wide { grid-column: 1 / -1; }
    .error { color: var(--mat-sys-error); }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationSizeComponent {
  readonly organisationId = input.required<string>();

  private readonly sizeGql = inject(OrganisationSizeGQL);
  private readonly nameGql = inject(OrganisationNameGQL);
  private readonly updateGql = inject(UpdateOrganisationSizeGQL);
  private readonly searchGql = inject(SearchGQL);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly canWrite = inject(AuthService).canWrite;

  protected readonly data = signal<OrganisationSizeQuery | null>(null);
  protected readonly parentName = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly problems = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    headcount: [''], turnover: [''], balanceSheet: [''], sizeYear: [''], parentOwnershipPercent: [''],
    parent: new FormControl<OrganisationOption | string | null>(null),
  });
  protected readonly parentOptions = toSignal(organisationOptions(this.searchGql, this.form.controls.parent.valueChanges), { initialValue: [] as OrganisationOption[] });
  protected readonly displayName = organisationDisplayName;
  protected readonly summary = smeSummary;
  protected readonly basis = (b: keyof typeof SME_BASIS_LABELS) => SME_BASIS_LABELS[b];
  protected readonly money = (p: unknown) => (p === null || p === undefined ? 'not recorded' : formatPence(Number(p)));

  constructor() {
    effect(() => void this.load(this.organisationId()));
  }

  private async load(id: string): Promise<void> {
    try {
      const d = (await firstValueFrom(this.sizeGql.fetch({ variables: { id }, fetchPolicy: 'no-cache' }))).data ?? null;
      const parentId = d?.organisation?.parentId;
      const parent = parentId ? (await firstValueFrom(this.nameGql.fetch({ variables: { id: parentId } }))).data?.organisation ?? null : null;
      this.parentName.set(parent?.name ?? null);
      this.data.set(d);
      if (d?.organisation) this.form.reset(sizeFormValue(d.organisation, parent ? { id: parent.id, name: parent.name } : null));
    } catch (e) {
      this.error.set(toApiError(e).message);
    }
  }

  protected async save(): Promise<void> {
    const o = this.data()?.organisation;
    if (!o || this.saving()) return;
    const { input, problems } = toSizeInput(this.form.getRawValue());
    this.problems.set(problems);
    if (problems.length) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.updateGql.mutate({ variables: { id: o.id, version: o.version, input } }));
      this.snackBar.open('Size and group saved', 'Dismiss', { duration: 4000 });
      this.editing.set(false);
      await this.load(o.id);
    } catch (e) {
      this.problems.set(problemList(toApiError(e)));
    } finally {
      this.saving.set(false);
    }
  }
}
