import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { CreateApiKeyGQL, CreateApiKeyMutation, DepartmentSettingFragment, Role } from '../../../graphql/generated';
import { formatIsoDate, toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { optionsOf, ROLE_LABELS } from '../../../shared/labels/enum-labels';
import { expiryBounds, toCreateApiKeyInput } from '../data-access/api-key-form';
import { humaniseIntegrationMessage } from '../data-access/webhook-form';

export interface ApiKeyDialogData {
  /** Live departments to choose from. */
  departments: DepartmentSettingFragment[];
}

export type ApiKeyDialogResult = CreateApiKeyMutation['createApiKey'];

export const API_KEY_DIALOG_TITLE_ID = 'api-key-dialog-title';

type Field = 'name' | 'role' | 'departmentIds' | 'expiresAt';
const MESSAGES: Record<Field, string> = {
  name: 'Name the system that will use it, e.g. Student records sync',
  role: 'Choose a role',
  departmentIds: 'Choose live departments',
  expiresAt: 'Enter the last day the key works, like 31/01/2027',
};

const ROLE_HINTS: Record<Role, string> = {
  viewer: 'Reads records only: enough to copy data out',
  staff: 'Creates and edits records in its departments',
  manager: 'Reads and edits all records and reports',
  admin: 'Everything, including users and integrations: rarely needed',
};

/** Creates an API key: name, role, departments and expiry. The key itself is shown once afterwards. */
@Component({
  selector: 'bce-api-key-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule, MatProgressBarModule],
  providers: [provideUkDateAdapter()],
  template: `
    <h2 mat-dialog-title [id]="titleId">Create an API key</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="state.saving()">
      <mat-dialog-content class="grid">
        @if (state.saving()) {
          <mat-progress-bar class="wide" mode="indeterminate" aria-hidden="true" />
        }
        <div class="wide" aria-live="assertive" aria-atomic="true">
          @if (state.formError(); as message) {
            <p class="banner error" role="alert">{{ message }}</p>
          }
        </div>
        <mat-form-field class="wide">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" cdkFocusInitial />
          <mat-hint>Which system uses it, so you know what stops if you revoke it</mat-hint>
          <mat-error>{{ state.errorFor('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <select matNativeControl formControlName="role">
            @for (r of roles; track r.value) {
              <option [value]="r.value">{{ r.label }}</option>
            }
          </select>
          <mat-hint>{{ roleHint() }}</mat-hint>
          <mat-error>{{ state.errorFor('role') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Expires on</mat-label>
          <input matInput formControlName="expiresAt" [matDatepicker]="expiryPicker" [min]="bounds.min" [max]="bounds.max" required placeholder="dd/mm/yyyy" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="expiryPicker" aria-label="Choose the expiry date from a calendar" />
          <mat-datepicker #expiryPicker />
          <mat-hint>It works to the end of this day; at most two years ahead</mat-hint>
          <mat-error>{{ expiryError() }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Departments</mat-label>
          <mat-select formControlName="departmentIds" multiple>
            @for (d of departments; track d.id) {
              <mat-option [value]="d.id">{{ d.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>Optional: as for a user, which departments' confidential records it may see</mat-hint>
          <mat-error>{{ state.errorFor('departmentIds') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">Create key</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 16px; width: min(600px, 86vw); box-sizing: border-box; }
    .wide { grid-column: 1 / -1; }
    .banner { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeyDialog {
  protected readonly data = inject<ApiKeyDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ApiKeyDialog, ApiKeyDialogResult>);
  private readonly createGql = inject(CreateApiKeyGQL);

  protected readonly titleId = API_KEY_DIALOG_TITLE_ID;
  protected readonly roles = optionsOf(ROLE_LABELS);
  protected readonly departments = [...this.data.departments].filter((d) => !d.archivedAt).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  protected readonly bounds = expiryBounds();
  // Least privilege by default: most integrations only read.
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)]],
    role: ['viewer' as Role],
    departmentIds: [[] as string[]],
    expiresAt: new FormControl<Date | null>(this.bounds.initial, [Validators.required]),
  });
  protected readonly state = new DialogSave<Field>(this.form, MESSAGES, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement, humaniseIntegrationMessage);
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });

  protected roleHint(): string {
    return ROLE_HINTS[this.role()];
  }

  protected expiryError(): string {
    const errors = this.form.controls.expiresAt.errors ?? {};
    if (errors['server']) return this.state.errorFor('expiresAt');
    if (errors['matDatepickerParse']) return 'Enter a date like 31/01/2027';
    if (errors['matDatepickerMin']) return 'Choose a day after today';
    if (errors['matDatepickerMax']) return `At most two years ahead: ${formatIsoDate(toIsoDate(this.bounds.max))} or earlier`;
    return MESSAGES.expiresAt;
  }

  protected save(): Promise<void> {
    return this.state.run(async () => {
      const input = toCreateApiKeyInput(this.form.getRawValue());
      const created = (await saveAnswer(this.createGql.mutate({ variables: { input } }))).data?.createApiKey;
      if (created) this.ref.close(created);
    });
  }
}
