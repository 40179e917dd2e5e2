import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { DepartmentSettingFragment, InviteUserGQL, Role, UpdateUserGQL, UserSettingFragment } from '../../../graphql/generated';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { optionsOf, ROLE_LABELS } from '../../../shared/labels/enum-labels';
import { departmentTree } from '../data-access/department-tree';
import { changedUserFields, needsDepartment, toInviteInput, UserFormValue } from '../data-access/user-form';

export interface UserDialogData {
  /** Live departments to choose from. */
  departments: DepartmentSettingFragment[];
  editing: UserSettingFragment | null;
}

/** What the dialog closes with: the saved user, and for an invite the one-time password to show. */
export interface UserDialogResult {
  user: UserSettingFragment;
  temporaryPassword?: string;
}

type Field = 'email' | 'name' | 'role' | 'departmentIds';
const MESSAGES: Record<Field, string> = {
  email: 'Enter their work email address',
  name: 'Enter their name',
  role: 'Choose a role',
  departmentIds: 'Choose at least one department: staff record engagements in theirs',
};

const departmentForRole = (group: AbstractControl): ValidationErrors | null => {
  const departments = group.get('departmentIds');
  const missing = needsDepartment({ role: group.get('role')?.value, departmentIds: departments?.value ?? [] });
  if (departments && missing !== Boolean(departments.errors?.['needed'])) departments.setErrors(missing ? { needed: true } : null);
  return null;
};

/** Invite a colleague (they get a one-time password) or edit one: name, role, departments. */
@Component({
  selector: 'bce-user-dialog',
  imports: [ReactiveFormsModule, RouterLink, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title id="user-dialog-title">{{ data.editing ? 'Edit ' + data.editing.name : 'Invite a user' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="state.saving()">
      <mat-dialog-content class="grid">
        @if (state.formError(); as message) {
          <p class="banner error wide" role="alert">{{ message }}</p>
        }
        @if (!data.editing) {
          <mat-form-field class="wide">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" cdkFocusInitial />
            <mat-error>{{ state.errorFor('email') }}</mat-error>
          </mat-form-field>
        } @else {
          <p class="wide muted">{{ data.editing.email }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" />
          <mat-error>{{ state.errorFor('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <select matNativeControl formControlName="role" aria-describedby="role-hint">
            @for (r of roles; track r.value) {
              <option [value]="r.value">{{ r.label }}</option>
            }
          </select>
          <mat-hint id="role-hint">{{ roleHint() }}</mat-hint>
          <mat-error>{{ state.errorFor('role') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Departments</mat-label>
          <mat-select formControlName="departmentIds" multiple>
            @for (row of departmentRows; track row.department.id) {
              <mat-option [value]="row.department.id">{{ row.path }}</mat-option>
            }
          </mat-select>
          @if (!departmentRows.length) {
            <mat-hint>No departments yet: <a routerLink="/settings/departments" mat-dialog-close>add one first</a></mat-hint>
          }
          <mat-error>{{ state.errorFor('departmentIds') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">{{ data.editing ? 'Save' : 'Invite' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; min-width: min(560px, 86vw); }
    .wide { grid-column: 1 / -1; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<UserDialog, UserDialogResult>);
  private readonly inviteGql = inject(InviteUserGQL);
  private readonly updateGql = inject(UpdateUserGQL);

  protected readonly roles = optionsOf(ROLE_LABELS);
  protected readonly departmentRows = departmentTree(this.data.departments.filter((d) => !d.archivedAt));
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      email: [this.data.editing?.email ?? '', this.data.editing ? [] : [Validators.required, Validators.email]],
      name: [this.data.editing?.name ?? '', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)]],
      role: [(this.data.editing?.role ?? 'staff') as Role],
      departmentIds: [this.data.editing?.departments.map((d) => d.id) ?? this.onlyDepartment()],
    },
    { validators: departmentForRole },
  );
  protected readonly state = new DialogSave<Field>(this.form, MESSAGES, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement);
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });

  protected roleHint(): string {
    return {
      admin: 'Everything, including users and departments',
      manager: 'All records, reports and assessments',
      staff: 'Creates and edits records in their departments',
      viewer: 'Reads only',
    }[this.role()];
  }

  protected save(): Promise<void> {
    return this.state.run(async () => {
      const value: UserFormValue = this.form.getRawValue();
      const editing = this.data.editing;
      if (editing) {
        const saved = (await firstValueFrom(this.updateGql.mutate({ variables: { id: editing.id, version: editing.version, input: changedUserFields(editing, value) } }))).data?.updateUser;
        if (saved) this.ref.close({ user: saved });
      } else {
        const invited = (await firstValueFrom(this.inviteGql.mutate({ variables: { input: toInviteInput(value) } }))).data?.inviteUser;
        if (invited) this.ref.close({ user: invited.user, temporaryPassword: invited.temporaryPassword });
      }
    });
  }


  /** With one department there is nothing to choose: start with it. */
  private onlyDepartment(): string[] {
    return this.departmentRows.length === 1 ? [this.departmentRows[0].department.id] : [];
  }
}
