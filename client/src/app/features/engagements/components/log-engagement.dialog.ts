import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { catchError, combineLatest, distinctUntilChanged, forkJoin, map, Observable, of, startWith, switchMap } from 'rxjs';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { ApiError, toApiError } from '../../../core/errors/api-error';
import { fromIsoDate, toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { ContactOptionsGQL, ContactOptionsQueryVariables, LogEngagementGQL, SearchGQL, TimelineEngagementFragment } from '../../../graphql/generated';
import { isSubmitChord } from '../../../shared/keyboard/shortcuts';
import { ENGAGEMENT_TYPE_LABELS, optionsOf } from '../../../shared/labels/enum-labels';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import { OrganisationOption, organisationOptions } from '../../../shared/search/organisation-typeahead';
import { requiredTrimmedValidator } from '../../../shared/validation/organisation-validators';
import { SessionStore } from '../../../core/auth/session.store';
import { departmentOrDefault } from '../data-access/department-default';
import { DepartmentsService } from '../data-access/departments.service';
import { NoDepartmentsComponent } from './no-departments.component';
import {
  defaultFollowUpDue,
  emptyLogEngagementForm,
  formFieldForServerField,
  isChosen,
  LogEngagementField,
  NamedRef,
  toLogEngagementInput,
} from '../data-access/log-engagement.model';

export interface LogEngagementDialogData {
  organisation: NamedRef | null;
  contacts: NamedRef[];
  departmentId: string | null;
}

interface ContactOption extends NamedRef {
  jobTitle: string | null;
}

const MESSAGES: Partial<Record<LogEngagementField, string>> = {
  organisation: 'Choose an organisation from the list, or clear the field',
  occurredOn: 'Enter the date it happened',
  summary: 'Enter a short summary, e.g. “Discussed apprenticeships for 2025”',
  followUpTitle: 'Say what to follow up',
};

/**
 * Log an engagement in seconds, keyboard only: focus starts in Organisation, arrow keys and Enter
 * pick from the typeaheads, Tab moves on, Ctrl+Enter logs from any field. Enter in a one-line
 * field does not submit, so a half-typed summary is never logged by accident.
 */
@Component({
  selector: 'bce-log-engagement-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatAutocompleteModule,
    MatChipsModule,
    MatCheckboxModule,
    MatProgressBarModule,
    MatDatepickerModule,
    NoDepartmentsComponent,
  ],
  providers: [provideUkDateAdapter()],
  templateUrl: './log-engagement.dialog.html',
  styleUrl: './log-engagement.dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogEngagementDialogComponent {
  private readonly data = inject<LogEngagementDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<LogEngagementDialogComponent, TimelineEngagementFragment>>(MatDialogRef);
  private readonly searchGql = inject(SearchGQL);
  private readonly contactOptionsGql = inject(ContactOptionsGQL);
  private readonly logGql = inject(LogEngagementGQL);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly typeOptions = optionsOf(ENGAGEMENT_TYPE_LABELS);
  protected readonly mine = inject(SessionStore).user()?.departments ?? [];
  /** Undefined while loading; empty when the institution has none yet (the form then says who can add one). */
  protected readonly departments = toSignal(inject(DepartmentsService).departments());
  protected readonly noDepartments = computed(() => this.departments()?.length === 0);
  private readonly initial = emptyLogEngagementForm({ organisation: this.data.organisation, contacts: this.data.contacts, departmentId: this.data.departmentId });

  protected readonly organisation = new FormControl<NamedRef | string | null>(this.initial.organisation);
  protected readonly contactSearch = new FormControl<NamedRef | string>('', { nonNullable: true });
  protected readonly contacts = signal<NamedRef[]>(this.initial.contacts);
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [this.initial.type, Validators.required],
    // Date pickers hold Dates (shown and typed dd/mm/yyyy); the model works in ISO days.
    occurredOn: new FormControl<Date | null>(fromIsoDate(this.initial.occurredOn), Validators.required),
    summary: ['', requiredTrimmedValidator],
    details: [''],
    departmentId: [this.initial.departmentId],
    addFollowUp: [false],
    followUpTitle: [''],
    followUpDueOn: new FormControl<Date | null>(null),
  });

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly serverErrors = signal<Partial<Record<LogEngagementField, string>>>({});
  protected readonly organisationOptions = toSignal(organisationOptions(this.searchGql, this.organisation.valueChanges), {
    initialValue: [] as OrganisationOption[],
  });

  /** People at the chosen organisation until something is typed; then anyone matching. */
  private readonly contactOptionsFound = toSignal(
    combineLatest([
      this.contactSearch.valueChanges.pipe(
        map((value) => (typeof value === 'string' ? value : '')),
        startWith(''),
        debouncedSearch(),
      ),
      this.organisation.valueChanges.pipe(
        startWith(this.organisation.value),
        map((value) => (isChosen(value) ? value.id : null)),
        distinctUntilChanged(),
      ),
    ]).pipe(
      switchMap(([term, organisationId]) => {
        if (!term && !organisationId) return of([]);
        if (term && term.length < 2) return of([]);
        if (!term) return this.findContacts({ organisationId, first: 20 });
        if (!organisationId) return this.findContacts({ search: term, first: 10 });
        // People at the organisation first, then anyone else who matches.
        return forkJoin([this.findContacts({ search: term, organisationId, first: 10 }), this.findContacts({ search: term, first: 10 })]).pipe(
          map(([here, anywhere]) => [...here, ...anywhere.filter((c) => !here.some((h) => h.id === c.id))].slice(0, 12)),
        );
      }),
    ),
    { initialValue: [] as ContactOption[] },
  );

  private findContacts(variables: ContactOptionsQueryVariables): Observable<ContactOption[]> {
    return this.contactOptionsGql.fetch({ variables }).pipe(
      map((r) => (r.data?.contacts.edges ?? []).map(({ node }): ContactOption => ({ id: node.id, name: node.name, jobTitle: node.jobTitle ?? null }))),
      catchError(() => of([])),
    );
  }

  protected readonly contactOptions = () => {
    const chosen = new Set(this.contacts().map((c) => c.id));
    return this.contactOptionsFound().filter((c) => !chosen.has(c.id));
  };

  protected readonly displayName = (value: NamedRef | string | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  constructor() {
    // Once the departments are known, start in a sensible one: the person's own, or the only one there is.
    inject(DepartmentsService).departments().pipe(takeUntilDestroyed()).subscribe((live) => {
      const control = this.form.controls.departmentId;
      control.setValue(departmentOrDefault(control.value, this.mine, live) ?? '');
    });
    this.form.controls.addFollowUp.valueChanges.pipe(takeUntilDestroyed()).subscribe((on) => {
      if (on && !this.form.controls.followUpDueOn.value) this.form.controls.followUpDueOn.setValue(fromIsoDate(defaultFollowUpDue(toIsoDate(this.form.controls.occurredOn.value) ?? '')));
    });
    // A server message stops applying once the person edits the field.
    this.organisation.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.clearServerError('organisation'));
  }

  protected chooseContact(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const contact = event.option.value as ContactOption;
    if (!this.contacts().some((c) => c.id === contact.id)) this.contacts.update((list) => [...list, { id: contact.id, name: contact.name }]);
    input.value = '';
    this.contactSearch.setValue('');
  }

  protected removeContact(contact: NamedRef): void {
    this.contacts.update((list) => list.filter((c) => c.id !== contact.id));
  }

  protected errorFor(field: LogEngagementField): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    return MESSAGES[field] ?? 'Check this field';
  }

  /** Ctrl+Enter logs from anywhere; a plain Enter in a one-line field does nothing surprising. */
  protected onKeydown(event: KeyboardEvent): void {
    if (isSubmitChord(event)) {
      event.preventDefault();
      void this.submit();
      return;
    }
    const target = event.target as HTMLElement | null;
    if (event.key === 'Enter' && target?.tagName === 'INPUT') event.preventDefault();
  }

  protected async submit(): Promise<void> {
    if (this.saving() || this.noDepartments()) return;
    this.formError.set(null);
    const org = this.organisation.value;
    if (typeof org === 'string' && org.trim()) this.organisation.setErrors({ notChosen: true });
    const follow = this.form.controls.followUpTitle;
    if (this.form.controls.addFollowUp.value && !follow.value.trim()) follow.setErrors({ required: true });
    if (this.form.invalid || this.organisation.invalid) {
      this.form.markAllAsTouched();
      this.organisation.markAsTouched();
      this.formError.set('Check the highlighted fields.');
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    try {
      const raw = this.form.getRawValue();
      const value = { ...raw, occurredOn: toIsoDate(raw.occurredOn) ?? '', followUpDueOn: toIsoDate(raw.followUpDueOn) ?? '', organisation: this.organisation.value, contacts: this.contacts() };
      const result = await saveAnswer(this.logGql.mutate({ variables: { input: toLogEngagementInput(value) } }));
      const logged = result.data?.logEngagement;
      if (!logged) throw new Error('The server returned no engagement');
      this.ref.close(logged);
    } catch (error) {
      this.showError(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  private showError(error: ApiError): void {
    if (error.code === 'UNAUTHENTICATED') return;
    const { placed, banner } = placeFieldErrors<LogEngagementField>(error, (path) => {
      const field = formFieldForServerField(path);
      if (!field) return null;
      return { field, control: field === 'organisation' ? this.organisation : field === 'contacts' ? null : this.form.controls[field] };
    });
    this.serverErrors.set(placed);
    this.formError.set(banner);
    if (Object.keys(placed).length) this.focusFirstInvalid();
  }

  private clearServerError(field: LogEngagementField): void {
    if (!this.serverErrors()[field]) return;
    this.serverErrors.update((errors) => ({ ...errors, [field]: undefined }));
  }

  private focusFirstInvalid(): void {
    queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, select.ng-invalid')?.focus());
  }
}
