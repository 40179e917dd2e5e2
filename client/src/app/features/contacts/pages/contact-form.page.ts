import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../../core/errors/api-error';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { saveErrorAction } from '../../../shared/forms/save-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import { ContactDetailFragment, ContactEditGQL, CreateContactGQL, SearchGQL, UpdateContactGQL } from '../../../graphql/generated';
import { LAWFUL_BASIS_LABELS, optionsOf, PREFERRED_CHANNEL_LABELS } from '../../../shared/labels/enum-labels';
import { organisationDisplayName, OrganisationOption, organisationOptions } from '../../../shared/search/organisation-typeahead';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import {
  changedContactFields,
  CONTACT_FIELD_LABELS,
  ContactField,
  ContactFormValue,
  emptyContactForm,
  formValueFromContact,
  humaniseContactMessage,
  invalidEmails,
  invalidPhones,
  mergeContactAfterConflict,
  toCreateContactInput,
  toUpdateContactInput,
} from '../data-access/contact-form.model';

const emailsValidator = (control: AbstractControl<string>): ValidationErrors | null => {
  const bad = invalidEmails(control.value ?? '');
  return bad.length ? { emails: bad } : null;
};
const phonesValidator = (control: AbstractControl<string>): ValidationErrors | null => {
  const bad = invalidPhones(control.value ?? '');
  return bad.length ? { phones: bad } : null;
};

const MESSAGES: Record<string, (label: string, error: unknown) => string> = {
  required: (label) => `Enter the ${label.toLowerCase()}`,
  maxlength: (label, error) => `${label} must be at most ${(error as { requiredLength: number }).requiredLength} characters`,
  emails: () => 'Enter email addresses like name@example.co.uk, separated by commas',
  phones: () => 'Enter phone numbers like 0191 222 6000 or +44 191 222 6000, separated by commas',
  notChosen: () => 'Choose an organisation from the list, or clear the field',
};

const CONFLICT_MESSAGE = 'Someone else changed this person since you opened them. Reload to see their changes.';

/** A new person, affiliated with their organisation at once (/contacts/new), or an edit of their details (/contacts/:id/edit). */
@Component({
  selector: 'bce-contact-form-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule, MatProgressBarModule],
  templateUrl: './contact-form.page.html',
  styleUrl: './contact-form.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactFormPage implements OnInit {
  private readonly contactGql = inject(ContactEditGQL);
  private readonly createGql = inject(CreateContactGQL);
  private readonly updateGql = inject(UpdateContactGQL);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** From the route; absent when creating. */
  readonly id = input<string>();
  /** Query parameters of "Add a person" on an organisation page: the new person works there. */
  readonly organisationId = input<string>();
  readonly organisationName = input<string>();

  protected readonly labels = CONTACT_FIELD_LABELS;
  protected readonly channelOptions = optionsOf(PREFERRED_CHANNEL_LABELS);
  protected readonly basisOptions = optionsOf(LAWFUL_BASIS_LABELS);

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [requiredTrimmedValidator, Validators.maxLength(100)]],
    lastName: ['', [requiredTrimmedValidator, Validators.maxLength(100)]],
    emails: ['', emailsValidator],
    phones: ['', phonesValidator],
    jobTitle: ['', Validators.maxLength(200)],
    preferredChannel: ['' as ContactFormValue['preferredChannel']],
    lawfulBasis: ['' as ContactFormValue['lawfulBasis']],
    lawfulBasisEvidence: ['', [Validators.maxLength(2000)]],
    lawfulBasisOn: [''],
    marketingOptIn: [false],
    tags: [''],
    role: ['', Validators.maxLength(200)],
  });
  protected readonly organisation = new FormControl<OrganisationOption | string | null>(null);

  /** The person as loaded (edit): the base for "what did I change" and for merging after a conflict. */
  protected readonly original = signal<ContactDetailFragment | null>(null);
  private base: ContactFormValue = emptyContactForm();
  protected readonly editing = computed(() => !!this.id());
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly mergeNote = signal<string | null>(null);
  protected readonly serverErrors = signal<Partial<Record<ContactField, string>>>({});

  protected readonly organisationOptions = toSignal(organisationOptions(inject(SearchGQL), this.organisation.valueChanges), { initialValue: [] });
  protected readonly displayName = organisationDisplayName;

  async ngOnInit(): Promise<void> {
    const id = this.id();
    const [organisationId, organisationName] = [this.organisationId(), this.organisationName()];
    if (!id && organisationId && organisationName) this.organisation.setValue({ id: organisationId, name: organisationName });
    if (!id) return;
    this.loading.set(true);
    try {
      const contact = await this.fetch(id);
      if (!contact) {
        this.loadError.set('This person was not found. They may have been archived.');
        return;
      }
      this.load(contact);
      this.title.setTitle(pageTitle(`Edit ${contact.name}`));
    } catch (error) {
      this.loadError.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected errorFor(field: ContactField): string {
    const control = field === 'organisation' ? this.organisation : this.form.controls[field as Exclude<ContactField, 'organisation'>];
    const errors = control.errors ?? {};
    const server = this.serverErrors()[field];
    if (errors['server'] && server) return server;
    const key = Object.keys(errors).find((k) => MESSAGES[k]);
    return key ? MESSAGES[key](CONTACT_FIELD_LABELS[field], errors[key]) : '';
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const org = this.organisation.value;
    if (!this.editing() && typeof org === 'string' && org.trim()) this.organisation.setErrors({ notChosen: true });
    if (this.form.invalid || this.organisation.invalid) {
      this.form.markAllAsTouched();
      this.organisation.markAsTouched();
      this.formError.set('Check the highlighted fields.');
      this.focusFirstInvalid();
      return;
    }
    const original = this.original();
    const value = this.value();
    if (original && !changedContactFields(this.base, value).length) {
      this.snackBar.open('No changes to save', 'Dismiss');
      await this.router.navigate(['/contacts', original.id]);
      return;
    }
    this.saving.set(true);
    try {
      const saved = original
        ? (await firstValueFrom(this.updateGql.mutate({ variables: { id: original.id, version: original.version, input: toUpdateContactInput(this.base, value) } }))).data
            ?.updateContact
        : (await firstValueFrom(this.createGql.mutate({ variables: { input: toCreateContactInput(value) } }))).data?.createContact;
      if (!saved) throw new Error('The server returned no contact');
      this.form.markAsPristine();
      this.snackBar.open(original ? `${saved.name} saved` : `${saved.name} added`, 'Dismiss');
      await this.router.navigate(['/contacts', saved.id]);
    } catch (error) {
      this.showSaveError(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** After CONFLICT: load their version and lay this person's edits on top of it. */
  protected async reloadAfterConflict(): Promise<void> {
    const original = this.original();
    if (!original) return;
    this.loading.set(true);
    try {
      const latest = await this.fetch(original.id);
      if (!latest) {
        this.formError.set('This person was archived by someone else, so the changes cannot be saved.');
        return;
      }
      const merge = mergeContactAfterConflict(this.base, formValueFromContact(latest), this.value());
      this.load(latest, merge.value);
      this.form.markAllAsTouched();
      this.conflict.set(false);
      this.formError.set(null);
      const names = (fields: readonly ContactField[]) => fields.map((f) => CONTACT_FIELD_LABELS[f].toLowerCase()).join(', ');
      this.mergeNote.set(
        !merge.kept.length
          ? 'Loaded their changes. You had not changed anything.'
          : `Loaded their changes and kept your edits to ${names(merge.kept)}.` +
              (merge.overlapping.length ? ` They also changed ${names(merge.overlapping)}: check that your version is right.` : '') +
              ' Select Save to save.',
      );
    } catch (error) {
      this.formError.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  private value(): ContactFormValue {
    return { ...this.form.getRawValue(), organisation: this.organisation.value };
  }

  /** Shows `contact` as the record being edited, with `value` in the fields (their saved values by default). */
  private load(contact: ContactDetailFragment, value: ContactFormValue = formValueFromContact(contact)): void {
    this.original.set(contact);
    this.base = formValueFromContact(contact);
    const { organisation: _o, ...fields } = value;
    this.form.reset(fields);
  }

  private async fetch(id: string): Promise<ContactDetailFragment | null> {
    const result = await firstValueFrom(this.contactGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
    return result.data?.contact ?? null;
  }

  private showSaveError(error: ApiError): void {
    const action = saveErrorAction(error, { records: 'contacts', gone: 'This person no longer exists. They may have been archived.' });
    if (action.kind === 'fields') {
      this.applyFieldErrors(error);
    } else if (action.kind === 'conflict') {
      this.conflict.set(true);
      this.mergeNote.set(null);
      this.formError.set(null);
      this.focusSoon('.conflict');
      this.snackBar.open(CONFLICT_MESSAGE, 'Reload', { politeness: 'assertive', duration: 15000 }).onAction().subscribe(() => void this.reloadAfterConflict());
    } else if (action.kind === 'banner') {
      this.formError.set(action.message);
    }
  }


  /** Server messages go under their fields; any the form has no field for go on top. */
  private applyFieldErrors(error: ApiError): void {
    const { placed, banner } = placeFieldErrors<ContactField>(error, (name) => {
      const field = (name === 'organisationId' ? 'organisation' : name) as ContactField;
      const control: AbstractControl | undefined = field === 'organisation' ? this.organisation : this.form.controls[field as keyof typeof this.form.controls];
      return control && (!this.editing() || (field !== 'organisation' && field !== 'role')) ? { field, control } : null;
    }, humaniseContactMessage);
    this.serverErrors.set(placed);
    this.formError.set(banner);
    this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    this.focusSoon('input.ng-invalid, select.ng-invalid, textarea.ng-invalid, .form-error');
  }

  /** Focus (and so scroll to) the first match once the messages have rendered. */
  private focusSoon(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
