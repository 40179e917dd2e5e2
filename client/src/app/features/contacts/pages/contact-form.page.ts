import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { CreateContactGQL, SearchGQL } from '../../../graphql/generated';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import { MIN_SEARCH_LENGTH } from '../../../shared/search/search-hit';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { invalidEmails, toCreateContactInput } from '../data-access/contact-form.model';

type Field = 'firstName' | 'lastName' | 'emails' | 'phones' | 'jobTitle' | 'organisation' | 'role';
interface OrganisationRef {
  id: string;
  name: string;
  subtitle?: string | null;
}

const emailsValidator = (control: AbstractControl<string>): ValidationErrors | null => {
  const bad = invalidEmails(control.value ?? '');
  return bad.length ? { emails: bad } : null;
};

const MESSAGES: Record<string, (field: Field) => string> = {
  required: (field) => `Enter the ${field === 'firstName' ? 'first name' : 'last name'}`,
  emails: () => 'Enter email addresses like name@example.co.uk, separated by commas',
  notChosen: () => 'Choose an organisation from the list, or clear the field',
};

/** A new person, affiliated with their organisation at once. */
@Component({
  selector: 'bce-contact-form-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule],
  templateUrl: './contact-form.page.html',
  styleUrl: './contact-form.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactFormPage {
  private readonly createGql = inject(CreateContactGQL);
  private readonly searchGql = inject(SearchGQL);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', requiredTrimmedValidator],
    lastName: ['', requiredTrimmedValidator],
    emails: ['', emailsValidator],
    phones: [''],
    jobTitle: ['', Validators.maxLength(200)],
    role: [''],
  });
  protected readonly organisation = new FormControl<OrganisationRef | string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  protected readonly organisationOptions = toSignal(
    this.organisation.valueChanges.pipe(
      map((v) => (typeof v === 'string' ? v : '')),
      debouncedSearch(),
      switchMap((text) =>
        text.length < MIN_SEARCH_LENGTH
          ? of([])
          : this.searchGql.fetch({ variables: { text, first: 8 } }).pipe(
              map((r) => (r.data?.search ?? []).filter((h) => h.kind === 'organisation').map((h): OrganisationRef => ({ id: h.id, name: h.title, subtitle: h.subtitle }))),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as OrganisationRef[] },
  );
  protected readonly displayName = (v: OrganisationRef | string | null) => (typeof v === 'string' ? v : (v?.name ?? ''));

  protected errorFor(field: Field): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    const control = field === 'organisation' ? this.organisation : this.form.controls[field];
    const key = Object.keys(control.errors ?? {}).find((k) => MESSAGES[k]);
    return key ? MESSAGES[key](field) : '';
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    this.serverErrors.set({});
    const org = this.organisation.value;
    if (typeof org === 'string' && org.trim()) this.organisation.setErrors({ notChosen: true });
    if (this.form.invalid || this.organisation.invalid) {
      this.form.markAllAsTouched();
      this.organisation.markAsTouched();
      this.formError.set('Check the highlighted fields.');
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    try {
      const input = toCreateContactInput({ ...this.form.getRawValue(), organisation: this.organisation.value });
      const created = (await firstValueFrom(this.createGql.mutate({ variables: { input } }))).data?.createContact;
      if (!created) throw new Error('The server returned no contact');
      this.snackBar.open(`${created.name} added`, 'Dismiss');
      await this.router.navigate(['/contacts', created.id]);
    } catch (error) {
      const api = toApiError(error);
      const placed: Partial<Record<Field, string>> = {};
      for (const [field, messages] of Object.entries(api.fields)) {
        const key = (field === 'organisationId' ? 'organisation' : field) as Field;
        if (key === 'organisation' || key in this.form.controls) {
          placed[key] = messages.join(' ');
          const control = key === 'organisation' ? this.organisation : this.form.controls[key as Exclude<Field, 'organisation'>];
          control.setErrors({ server: true });
          control.markAsTouched();
        }
      }
      this.serverErrors.set(placed);
      if (api.code !== 'UNAUTHENTICATED') this.formError.set(Object.keys(placed).length ? 'Check the highlighted fields.' : api.message);
      this.focusFirstInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  private focusFirstInvalid(): void {
    queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid')?.focus());
  }
}
