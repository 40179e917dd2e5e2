import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { ApiError, toApiError } from '../../../core/errors/api-error';
import { placeFieldErrors } from '../../../shared/forms/field-errors';
import { saveErrorAction } from '../../../shared/forms/save-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import { CreateOrganisationGQL, OrganisationDetailFragment, OrganisationGQL, RelationshipRole, UpdateOrganisationGQL } from '../../../graphql/generated';
import {
  optionsOf,
  ORGANISATION_TYPE_LABELS,
  REGION_LABELS,
  RELATIONSHIP_ROLE_LABELS,
  RELATIONSHIP_STAGE_LABELS,
  SIC_SECTION_LABELS,
  sicSectionLabel,
  SIZE_BAND_LABELS,
  LEGAL_FORM_LABELS,
} from '../../../shared/labels/enum-labels';
import { addAlias, NAME_MAX_LENGTH } from '../../../shared/validation/organisation-rules';
import { companiesHouseNumberValidator, postcodeValidator, requiredTrimmedValidator, websiteValidator } from '../../../shared/validation/organisation-validators';
import {
  changedFields,
  emptyOrganisationForm,
  FIELD_LABELS,
  FIELDS,
  formValueFromOrganisation,
  humaniseFieldMessage,
  mergeAfterConflict,
  OrganisationField,
  OrganisationFormValue,
  toOrganisationInput,
  toUpdateInput,
} from '../data-access/organisation-form.model';
import { OwnersService } from '../../../shared/users/owners.service';

const CONFLICT_MESSAGE = 'Someone else changed this organisation since you opened it. Reload to see their changes.';

/** What each client-side rule means, in words. */
const RULE_MESSAGES: Record<string, (label: string) => string> = {
  required: (label) => `Enter the ${label.toLowerCase()}`,
  maxlength: (label) => `${label} must be at most ${NAME_MAX_LENGTH} characters`,
  companiesHouseNumber: () => 'Enter a Companies House number: 8 digits, or its prefix and 6 digits, e.g. 01234567, SC012345, OC301234 or IP29305R',
  postcode: () => 'Enter a UK postcode, e.g. NE1 7RU',
  website: () => 'Enter a web address, e.g. https://example.co.uk',
};

/** Create (/organisations/new) and edit (/organisations/:id/edit) in one form. */
@Component({
  selector: 'bce-organisation-form-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './organisation-form.page.html',
  styleUrl: './organisation-form.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationFormPage implements OnInit {
  private readonly organisationGql = inject(OrganisationGQL);
  private readonly createGql = inject(CreateOrganisationGQL);
  private readonly updateGql = inject(UpdateOrganisationGQL);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly auth = inject(AuthService);

  /** From the route; absent when creating. */
  readonly id = input<string>();

  protected readonly labels = FIELD_LABELS;
  protected readonly typeOptions = optionsOf(ORGANISATION_TYPE_LABELS);
  protected readonly stageOptions = optionsOf(RELATIONSHIP_STAGE_LABELS);
  protected readonly roleOptions = optionsOf(RELATIONSHIP_ROLE_LABELS);
  protected readonly sizeOptions = optionsOf(SIZE_BAND_LABELS);
  protected readonly legalFormOptions = optionsOf(LEGAL_FORM_LABELS);
  protected readonly regionOptions = optionsOf(REGION_LABELS);
  protected readonly sectorOptions = optionsOf(SIC_SECTION_LABELS).map((o) => ({ value: o.value, label: sicSectionLabel(o.value) }));
  protected readonly owners = toSignal(inject(OwnersService).owners(), { initialValue: null });
  protected readonly ownerChoices = computed(() => {
    const me = this.auth.user();
    const people = this.owners() ?? (me ? [{ id: me.id, name: me.name, role: me.role }] : []);
    const current = this.original();
    // Keep the current owner selectable even if the colleague list does not include them.
    return current?.owner && !people.some((p) => p.id === current.owner?.id) ? [...people, { id: current.owner.id, name: current.owner.name, role: 'staff' as const }] : people;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [requiredTrimmedValidator, Validators.maxLength(NAME_MAX_LENGTH)]],
    legalName: ['', Validators.maxLength(NAME_MAX_LENGTH)],
    tradingNames: [''],
    aliases: [[] as string[]],
    type: ['employer' as OrganisationFormValue['type'], Validators.required],
    sector: ['' as OrganisationFormValue['sector']],
    sizeBand: ['' as OrganisationFormValue['sizeBand']],
    legalForm: ['' as OrganisationFormValue['legalForm']],
    companiesHouseNumber: ['', companiesHouseNumberValidator],
    website: ['', websiteValidator],
    addressLine1: ['', Validators.maxLength(NAME_MAX_LENGTH)],
    addressLine2: ['', Validators.maxLength(NAME_MAX_LENGTH)],
    town: [''],
    postcode: ['', postcodeValidator],
    region: ['' as OrganisationFormValue['region']],
    relationshipStage: ['prospect' as OrganisationFormValue['relationshipStage'], Validators.required],
    relationshipRoles: [[] as RelationshipRole[]],
    ownerId: [''],
    tags: [''],
  });

  /** The record as loaded (edit) — the base for "what did I change" and for conflict merging. */
  protected readonly original = signal<OrganisationDetailFragment | null>(null);
  private base: OrganisationFormValue = emptyOrganisationForm();
  protected readonly editing = computed(() => !!this.id());
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly mergeNote = signal<string | null>(null);
  /** Server messages by field; bumping this signal re-renders the mat-errors. */
  protected readonly serverErrors = signal<Partial<Record<OrganisationField, string>>>({});

  async ngOnInit(): Promise<void> {
    const id = this.id();
    if (!id) {
      this.base = emptyOrganisationForm(this.auth.user()?.id ?? '');
      this.form.reset(this.base);
      return;
    }
    this.loading.set(true);
    try {
      const org = await this.fetch(id);
      if (!org) {
        this.loadError.set('This organisation was not found. It may have been archived.');
        return;
      }
      this.original.set(org);
      this.base = formValueFromOrganisation(org);
      this.form.reset(this.base);
      this.title.setTitle(pageTitle(`Edit ${org.name}`));
    } catch (error) {
      this.loadError.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected errorFor(field: OrganisationField): string {
    const server = this.serverErrors()[field];
    const errors = this.form.controls[field].errors ?? {};
    if (errors['server'] && server) return server;
    const rule = Object.keys(errors).find((key) => RULE_MESSAGES[key]);
    return rule ? RULE_MESSAGES[rule](FIELD_LABELS[field]) : '';
  }

  /** Enter or a comma ends an alias (an alias may hold other punctuation, e.g. "M&S"). */
  protected readonly aliasSeparators = [ENTER, COMMA];
  /** Why the alias just typed was not added; null when it was. */
  protected readonly aliasProblem = signal<string | null>(null);

  protected addAlias(event: MatChipInputEvent): void {
    // Leaving the box empty (add on blur) is not an attempt to add anything.
    if (!event.value.trim()) return;
    const control = this.form.controls.aliases;
    const result = addAlias(control.value, event.value);
    if ('problem' in result) {
      this.aliasProblem.set(result.problem);
      return;
    }
    this.aliasProblem.set(null);
    control.setValue(result.aliases);
    control.markAsDirty();
    event.chipInput.clear();
  }

  protected removeAlias(alias: string): void {
    const control = this.form.controls.aliases;
    control.setValue(control.value.filter((a) => a !== alias));
    control.markAsDirty();
    this.aliasProblem.set(null);
  }

  protected toggleRole(role: RelationshipRole, checked: boolean): void {
    const control = this.form.controls.relationshipRoles;
    const roles = control.value.filter((r) => r !== role);
    control.setValue(checked ? [...roles, role] : roles);
    control.markAsDirty();
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Check the highlighted fields.');
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const original = this.original();
    if (original && !changedFields(this.base, value).length && !this.conflict()) {
      this.snackBar.open('No changes to save', 'Dismiss');
      await this.router.navigate(['/organisations', original.id]);
      return;
    }
    this.saving.set(true);
    try {
      const saved = original
        ? (await firstValueFrom(this.updateGql.mutate({ variables: { id: original.id, version: original.version, input: toUpdateInput(this.base, value) } }))).data
            ?.updateOrganisation
        : (await firstValueFrom(this.createGql.mutate({ variables: { input: toOrganisationInput(value) } }))).data?.createOrganisation;
      if (!saved) throw new Error('The server returned no organisation');
      this.form.markAsPristine();
      this.snackBar.open(original ? `${saved.name} saved` : `${saved.name} created`, 'Dismiss');
      await this.router.navigate(['/organisations', saved.id]);
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
        this.formError.set('This organisation was archived by someone else, so it cannot be saved.');
        return;
      }
      const merge = mergeAfterConflict(this.base, formValueFromOrganisation(latest), this.form.getRawValue());
      this.original.set(latest);
      this.base = formValueFromOrganisation(latest);
      this.form.setValue(merge.value);
      this.form.markAllAsTouched();
      this.conflict.set(false);
      this.formError.set(null);
      const kept = merge.kept.map((f) => FIELD_LABELS[f]).join(', ');
      const overlapping = merge.overlapping.map((f) => FIELD_LABELS[f]).join(', ');
      this.mergeNote.set(
        !merge.kept.length
          ? 'Loaded their changes. You had not changed anything.'
          : `Loaded their changes and kept your edits to ${kept}.` +
              (overlapping ? ` They also changed ${overlapping}: check that your version is right.` : '') +
              ' Select Save to save.',
      );
    } catch (error) {
      this.formError.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async cancel(): Promise<void> {
    const original = this.original();
    await this.router.navigate(original ? ['/organisations', original.id] : ['/organisations']);
  }

  private async fetch(id: string): Promise<OrganisationDetailFragment | null> {
    const result = await firstValueFrom(this.organisationGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
    return result.data?.organisation ?? null;
  }

  private showSaveError(error: ApiError): void {
    const action = saveErrorAction(error, { records: 'organisations', gone: 'This organisation no longer exists. It may have been archived.' });
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


  /** Server messages go under their fields (mat-error); any the form has no field for go on top. */
  private applyFieldErrors(error: ApiError): void {
    const { placed, banner } = placeFieldErrors<OrganisationField>(
      error,
      (name) => ((FIELDS as string[]).includes(name) ? { field: name as OrganisationField, control: this.form.controls[name as OrganisationField] } : null),
      humaniseFieldMessage,
    );
    this.serverErrors.set(placed);
    this.formError.set(banner);
    this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    this.focusSoon('.ng-invalid[formControlName], .form-error');
  }

  /** Focus (and so scroll to) the first match once the messages have rendered. */
  private focusSoon(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
