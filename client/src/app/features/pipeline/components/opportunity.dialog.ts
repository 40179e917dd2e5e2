import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { CreateOpportunityGQL, OpportunityCardFragment, OpportunityType, SearchGQL } from '../../../graphql/generated';
import { isSubmitChord } from '../../../shared/keyboard/shortcuts';
import { optionsOf } from '../../../shared/labels/enum-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { parsePounds } from '../../../shared/money/money';
import { organisationDisplayName, OrganisationOption, organisationOptions } from '../../../shared/search/organisation-typeahead';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { NoDepartmentsComponent } from '../../engagements/components/no-departments.component';
import { departmentOrDefault } from '../../engagements/data-access/department-default';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { formFieldFor, OpportunityField, toCreateOpportunityInput } from '../data-access/opportunity-form.model';

export interface OpportunityDialogData {
  organisation: { id: string; name: string } | null;
  departmentIds?: string[];
}

const amount = (c: AbstractControl<string>): ValidationErrors | null => (Number.isNaN(parsePounds(c.value ?? '')) ? { amount: true } : null);
const chosen = (c: AbstractControl): ValidationErrors | null => (c.value && typeof c.value === 'object' ? null : { notChosen: true });

const MESSAGES: Partial<Record<OpportunityField, string>> = {
  title: 'Say what the opportunity is, e.g. “KTP: predictive maintenance”',
  organisation: 'Choose the organisation from the list',
  value: 'Enter an amount in pounds, e.g. 12,500 or 12500.50',
};

/** A new opportunity in one short form; it starts in the first open stage (Enquiry). Ctrl+Enter saves. */
@Component({
  selector: 'bce-opportunity-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatAutocompleteModule, MatCheckboxModule, MatDatepickerModule, NoDepartmentsComponent],
  providers: [provideUkDateAdapter()],
  template: `
    <h2 mat-dialog-title id="opportunity-dialog-title">New opportunity</h2>
    <form [formGroup]="form" (ngSubmit)="save()" (keydown)="keydown($event)" novalidate>
      <mat-dialog-content class="grid">
        @if (noDepartments()) {
          <bce-no-departments class="wide" />
        }
        @if (formError(); as message) {
          <p class="banner error wide" role="alert">{{ message }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" required autocomplete="off" cdkFocusInitial />
          <mat-error>{{ errorFor('title') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Organisation</mat-label>
          <input matInput formControlName="organisation" [matAutocomplete]="orgAuto" required autocomplete="off" placeholder="Type 3 letters to search" />
          <mat-autocomplete #orgAuto="matAutocomplete" [displayWith]="displayName" autoActiveFirstOption>
            @for (o of organisationOptions(); track o.id) {
              <mat-option [value]="o">{{ o.name }}</mat-option>
            }
          </mat-autocomplete>
          <mat-error>{{ errorFor('organisation') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Type</mat-label>
          <mat-select formControlName="type">
            @for (t of types; track t.value) {
              <mat-option [value]="t.value">{{ t.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('type') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Value (£)</mat-label>
          <input matInput formControlName="value" inputmode="decimal" autocomplete="off" placeholder="e.g. 12,500" />
          <mat-error>{{ errorFor('value') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Expected close</mat-label>
          <input matInput formControlName="expectedCloseDate" [matDatepicker]="closePicker" placeholder="dd/mm/yyyy" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="closePicker" />
          <mat-datepicker #closePicker />
          <mat-error>{{ errorFor('expectedCloseDate') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Department</mat-label>
          <mat-select formControlName="departmentId">
            @for (d of departments() ?? []; track d.id) {
              <mat-option [value]="d.id">{{ d.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('departmentId') }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="confidential" class="wide">Confidential to this department</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving() || noDepartments()">Add opportunity</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
    .wide { grid-column: 1 / -1; }
    .banner.error { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpportunityDialog {
  private readonly data = inject<OpportunityDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<OpportunityDialog, OpportunityCardFragment | undefined>);
  private readonly createGql = inject(CreateOpportunityGQL);
  private readonly searchGql = inject(SearchGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly me = inject(AuthService).user;

  /** Undefined while loading; empty when the institution has none yet (the form then says who can add one). */
  protected readonly departments = toSignal(inject(DepartmentsService).departments());
  protected readonly noDepartments = computed(() => this.departments()?.length === 0);
  protected readonly types = optionsOf(OPPORTUNITY_TYPE_LABELS);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', requiredTrimmedValidator],
    organisation: new FormControl<OrganisationOption | string | null>(this.data.organisation, chosen),
    type: ['consultancy' as OpportunityType],
    value: ['', amount],
    expectedCloseDate: new FormControl<Date | null>(null),
    departmentId: [this.data.departmentIds?.[0] ?? this.me()?.departments?.[0]?.id ?? null as string | null],
    confidential: [false],
  });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly serverErrors = signal<Partial<Record<OpportunityField, string>>>({});

  protected readonly organisationOptions = toSignal(organisationOptions(this.searchGql, this.form.controls.organisation.valueChanges), {
    initialValue: [] as OrganisationOption[],
  });
  protected readonly displayName = organisationDisplayName;

  constructor() {
    // Once the departments are known, start in a sensible one: the page's, the person's own, or the only one there is.
    inject(DepartmentsService).departments().pipe(takeUntilDestroyed()).subscribe((live) => {
      const control = this.form.controls.departmentId;
      const mine = [...(this.data.departmentIds ?? []).map((id) => ({ id })), ...(this.me()?.departments ?? [])];
      control.setValue(departmentOrDefault(control.value, mine, live));
    });
  }

  protected errorFor(field: OpportunityField): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    return this.form.controls[field].invalid ? (MESSAGES[field] ?? 'Check this field') : '';
  }

  protected keydown(event: KeyboardEvent): void {
    if (isSubmitChord(event)) {
      event.preventDefault();
      void this.save();
    }
  }

  protected async save(): Promise<void> {
    if (this.saving() || this.noDepartments()) return;
    this.serverErrors.set({});
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Check the highlighted fields.');
      queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('.ng-invalid input, input.ng-invalid')?.focus());
      return;
    }
    this.saving.set(true);
    try {
      const raw = this.form.getRawValue();
      const input = toCreateOpportunityInput({ ...raw, expectedCloseDate: toIsoDate(raw.expectedCloseDate) ?? '' });
      const created = (await firstValueFrom(this.createGql.mutate({ variables: { input } }))).data?.createOpportunity;
      this.snackBar.open(`“${created?.title}” added to the pipeline`, 'Dismiss', { duration: 4000 });
      this.ref.close(created ?? undefined);
    } catch (e) {
      const api = toApiError(e);
      const { placed, banner } = placeFieldErrors<OpportunityField>(api, (path) => {
        const field = formFieldFor(path);
        return field ? { field, control: this.form.controls[field] } : null;
      });
      this.serverErrors.set(placed);
      this.formError.set(banner);
    } finally {
      this.saving.set(false);
    }
  }
}
