import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { ApiError, toApiError } from '../../../core/errors/api-error';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { AddAffiliationGQL, AffiliationItemFragment, SearchGQL, UpdateAffiliationGQL } from '../../../graphql/generated';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { organisationDisplayName, OrganisationOption, organisationOptions } from '../../../shared/search/organisation-typeahead';
import {
  AffiliationField,
  affiliationFormFromItem,
  AffiliationFormValue,
  chosenOrganisation,
  datesOutOfOrder,
  emptyAffiliationForm,
  toAffiliationInput,
  toUpdateAffiliationInput,
} from '../data-access/affiliation-form.model';

export interface AffiliationDialogData {
  contactId: string;
  contactName: string;
  /** The affiliation to edit; absent to add one. */
  affiliation?: AffiliationItemFragment;
  /** Adding: start with Primary ticked (they have no current organisation yet). */
  suggestPrimary?: boolean;
}

/** Saved (with the stored affiliation), or stale: someone else changed it, so the page should reload. */
export type AffiliationDialogResult = { kind: 'saved'; affiliation: AffiliationItemFragment } | { kind: 'stale' };

export const AFFILIATION_DIALOG_TITLE_ID = 'affiliation-dialog-title';

const chosenValidator = (control: AbstractControl<AffiliationFormValue['organisation']>): ValidationErrors | null =>
  chosenOrganisation(control.value) ? null : { [typeof control.value === 'string' && control.value.trim() ? 'notChosen' : 'required']: true };

const datesInOrder = (group: AbstractControl): ValidationErrors | null => {
  const { fromDate, toDate } = (group as FormGroup).controls;
  const outOfOrder = datesOutOfOrder(fromDate.value, toDate.value);
  // The message belongs under "To date", where the person will correct it.
  const errors = { ...(toDate.errors ?? {}) };
  delete errors['order'];
  toDate.setErrors(outOfOrder ? { ...errors, order: true } : Object.keys(errors).length ? errors : null, { emitEvent: false });
  return null;
};

const MESSAGES: Record<string, string> = {
  required: 'Choose the organisation they work for',
  notChosen: 'Choose an organisation from the list, or search again',
  matDatepickerParse: 'Enter a date like 31/01/2025',
  order: 'The to date must be on or after the from date',
  maxlength: 'Role must be at most 200 characters',
};

/** Add where a person works (organisation, role, dates, primary), or change one of their roles. */
@Component({
  selector: 'bce-affiliation-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatAutocompleteModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatProgressBarModule,
  ],
  providers: [provideUkDateAdapter()],
  templateUrl: './affiliation.dialog.html',
  styleUrl: './contact-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AffiliationDialogComponent {
  protected readonly data = inject<AffiliationDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AffiliationDialogComponent, AffiliationDialogResult>>(MatDialogRef);
  private readonly addGql = inject(AddAffiliationGQL);
  private readonly updateGql = inject(UpdateAffiliationGQL);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly titleId = AFFILIATION_DIALOG_TITLE_ID;
  protected readonly editing = !!this.data.affiliation;
  private readonly initial = this.data.affiliation ? affiliationFormFromItem(this.data.affiliation) : emptyAffiliationForm(!!this.data.suggestPrimary);

  protected readonly form = new FormGroup(
    {
      organisation: new FormControl<OrganisationOption | string | null>(this.initial.organisation, this.editing ? [] : [chosenValidator]),
      role: new FormControl(this.initial.role, { nonNullable: true, validators: [Validators.maxLength(200)] }),
      fromDate: new FormControl<Date | null>(this.initial.fromDate),
      toDate: new FormControl<Date | null>(this.initial.toDate),
      isPrimary: new FormControl(this.initial.isPrimary, { nonNullable: true }),
    },
    { validators: datesInOrder },
  );

  protected readonly organisationOptions = toSignal(organisationOptions(inject(SearchGQL), this.form.controls.organisation.valueChanges), { initialValue: [] });
  protected readonly displayName = organisationDisplayName;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly serverErrors = signal<Partial<Record<AffiliationField, string>>>({});

  protected errorFor(field: AffiliationField): string {
    const errors = this.form.controls[field].errors ?? {};
    const server = this.serverErrors()[field];
    if (errors['server'] && server) return server;
    const key = Object.keys(errors).find((k) => MESSAGES[k]);
    return key ? MESSAGES[key] : '';
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Check the highlighted fields.');
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const original = this.data.affiliation;
    this.saving.set(true);
    try {
      let saved: AffiliationItemFragment | undefined;
      if (original) {
        const input = toUpdateAffiliationInput(original, value);
        if (!Object.keys(input).length) {
          this.ref.close();
          return;
        }
        saved = (await saveAnswer(this.updateGql.mutate({ variables: { id: original.id, version: original.version, input } }))).data?.updateAffiliation;
      } else {
        const input = toAffiliationInput(this.data.contactId, value);
        if (!input) return;
        saved = (await saveAnswer(this.addGql.mutate({ variables: { input } }))).data?.addAffiliation;
      }
      if (!saved) throw new Error('The server returned no affiliation');
      this.ref.close({ kind: 'saved', affiliation: saved });
    } catch (error) {
      this.showError(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected reload(): void {
    this.ref.close({ kind: 'stale' });
  }

  private showError(error: ApiError): void {
    if (error.code === 'CONFLICT' && !Object.keys(error.fields).length) {
      this.stale.set(true);
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.stale button')?.focus());
      return;
    }
    if (error.code === 'UNAUTHENTICATED') return;
    const { placed, banner } = placeFieldErrors<AffiliationField>(error, (name) => {
      const field = (name === 'organisationId' ? 'organisation' : name) as AffiliationField;
      const control = this.form.controls[field] as AbstractControl | undefined;
      return control && !(field === 'organisation' && this.editing) ? { field, control } : null;
    }, (_name, message) => humanise(message));
    this.serverErrors.set(placed);
    this.formError.set(banner);
    this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, .form-error')?.focus());
  }
}

/** The server names fields as the API does ("toDate must be …"); people read the labels. */
function humanise(message: string): string {
  return message.replace(/^toDate/, 'The to date').replace(/^fromDate/, 'The from date').replace(/^organisationId/, 'The organisation').replace(/fromDate/g, 'the from date');
}
