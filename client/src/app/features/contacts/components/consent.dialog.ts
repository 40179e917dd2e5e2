import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map, startWith } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { ConsentItemFragment, RecordConsentGQL } from '../../../graphql/generated';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { todayForPicker } from '../../../shared/dates/dates';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { CONSENT_CHANNEL_LABELS, CONSENT_METHOD_SUGGESTIONS, CONSENT_PURPOSE_SUGGESTIONS, ConsentFormValue, givenInFuture, matchingSuggestions, toConsentInput } from '../data-access/consent-form.model';

export interface ConsentDialogData {
  contactId: string;
  contactName: string;
}

export const CONSENT_DIALOG_TITLE_ID = 'consent-dialog-title';

type ConsentField = keyof ConsentFormValue;

const notInFuture = (control: AbstractControl<Date | null>): ValidationErrors | null => (givenInFuture(control.value) ? { future: true } : null);

const MESSAGES: Record<ConsentField, Record<string, string>> = {
  purpose: { required: 'Say what they consented to, e.g. Newsletter', maxlength: 'Keep the purpose under 200 characters' },
  method: { required: 'Say how they gave consent, e.g. Web form', maxlength: 'Keep the method under 200 characters' },
  channel: { required: 'Choose the channel the consent covers, e.g. Email' },
  givenOn: {
    required: 'Enter the date they gave consent',
    matDatepickerParse: 'Enter a date like 31/01/2025',
    future: 'The date cannot be in the future',
  },
};

/** Records that a person consented to something (what, how, when). */
@Component({
  selector: 'bce-consent-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule, MatDatepickerModule, MatProgressBarModule],
  providers: [provideUkDateAdapter()],
  template: `
    <h2 mat-dialog-title [id]="titleId">Record consent</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()" [attr.aria-busy]="saving()">
      <mat-dialog-content>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-hidden="true" />
        }
        <p class="intro muted">What {{ data.contactName }} agreed to, how, and when.</p>
        <div aria-live="assertive" aria-atomic="true">
          @if (formError(); as message) {
            <p class="banner error form-error" role="alert" tabindex="-1">{{ message }}</p>
          }
        </div>
        <div class="grid">
          <mat-form-field class="wide">
            <mat-label>Purpose</mat-label>
            <input matInput formControlName="purpose" [matAutocomplete]="purposeAuto" required autocomplete="off" />
            <mat-autocomplete #purposeAuto="matAutocomplete">
              @for (option of purposeOptions(); track option) {
                <mat-option [value]="option">{{ option }}</mat-option>
              }
            </mat-autocomplete>
            <mat-hint>What they agreed to, e.g. Newsletter</mat-hint>
            <mat-error>{{ errorFor('purpose') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Method</mat-label>
            <input matInput formControlName="method" [matAutocomplete]="methodAuto" required autocomplete="off" />
            <mat-autocomplete #methodAuto="matAutocomplete">
              @for (option of methodOptions(); track option) {
                <mat-option [value]="option">{{ option }}</mat-option>
              }
            </mat-autocomplete>
            <mat-hint>How, e.g. web form, email, verbal</mat-hint>
            <mat-error>{{ errorFor('method') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Channel</mat-label>
            <select matNativeControl formControlName="channel" required>
              <option value="" disabled>Choose a channel</option>
              @for (option of channelOptions; track option.value) {
                <option [value]="option.value">{{ option.label }}</option>
              }
            </select>
            <mat-hint>Email marketing needs consent for Email</mat-hint>
            <mat-error>{{ errorFor('channel') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Date given</mat-label>
            <input matInput formControlName="givenOn" [matDatepicker]="givenPicker" [max]="today" required placeholder="dd/mm/yyyy" autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="givenPicker" aria-label="Choose the date given from a calendar" />
            <mat-datepicker #givenPicker />
            <mat-error>{{ errorFor('givenOn') }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [attr.aria-busy]="saving()">Record consent</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './contact-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentDialogComponent {
  protected readonly data = inject<ConsentDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConsentDialogComponent, ConsentItemFragment>>(MatDialogRef);
  private readonly recordGql = inject(RecordConsentGQL);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly titleId = CONSENT_DIALOG_TITLE_ID;
  protected readonly today = todayForPicker();
  protected readonly form = inject(NonNullableFormBuilder).group({
    purpose: ['', [requiredTrimmedValidator, Validators.maxLength(200)]],
    method: ['', [requiredTrimmedValidator, Validators.maxLength(200)]],
    channel: ['' as ConsentFormValue['channel'], Validators.required],
    givenOn: new FormControl<Date | null>(todayForPicker(), [Validators.required, notInFuture]),
  });
  protected readonly channelOptions = (Object.entries(CONSENT_CHANNEL_LABELS) as Array<[keyof typeof CONSENT_CHANNEL_LABELS, string]>)
    .filter(([value]) => value !== 'unspecified').map(([value, label]) => ({ value, label }));
  protected readonly purposeOptions = this.suggest(this.form.controls.purpose, CONSENT_PURPOSE_SUGGESTIONS);
  protected readonly methodOptions = this.suggest(this.form.controls.method, CONSENT_METHOD_SUGGESTIONS);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly serverErrors = signal<Partial<Record<ConsentField, string>>>({});

  protected errorFor(field: ConsentField): string {
    const errors = this.form.controls[field].errors ?? {};
    const server = this.serverErrors()[field];
    if (errors['server'] && server) return server;
    const key = Object.keys(errors).find((k) => MESSAGES[field][k]);
    return key ? MESSAGES[field][key] : '';
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
    this.saving.set(true);
    try {
      const input = toConsentInput(this.data.contactId, this.form.getRawValue());
      const saved = (await saveAnswer(this.recordGql.mutate({ variables: { input } }))).data?.recordConsent;
      if (!saved) throw new Error('The server returned no consent record');
      this.ref.close(saved);
    } catch (error) {
      const api = toApiError(error);
      if (api.code === 'UNAUTHENTICATED') return;
      const { placed, banner } = placeFieldErrors<ConsentField>(api, (name) => {
        const field = (name === 'givenAt' ? 'givenOn' : name) as ConsentField;
        const control = this.form.controls[field] as AbstractControl | undefined;
        return control ? { field, control } : null;
      }, (_name, message) => message.replace(/^(purpose|method|channel|givenAt)/, (f) => ({ purpose: 'The purpose', method: 'The method', channel: 'The channel', givenAt: 'The date given' })[f] ?? f));
      this.serverErrors.set(placed);
      this.formError.set(banner);
      this.focusFirstInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  private suggest(control: AbstractControl<string>, suggestions: readonly string[]) {
    return toSignal(control.valueChanges.pipe(startWith(control.value), map((text) => matchingSuggestions(suggestions, text ?? ''))), { initialValue: [...suggestions] });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, select.ng-invalid, .form-error')?.focus());
  }
}
