import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { CreateDepartmentGQL, DepartmentSettingFragment, UpdateDepartmentGQL } from '../../../graphql/generated';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { changedDepartmentFields, departmentValues } from '../data-access/department-form';
import { parentOptions } from '../data-access/department-tree';

export interface DepartmentDialogData {
  /** Every department (archived ones too), for the parent choices. */
  departments: DepartmentSettingFragment[];
  /** The department being edited; null to add one. */
  editing: DepartmentSettingFragment | null;
  /** A parent to start with when adding ("Add a unit under …"). */
  parentId?: string | null;
}

type Field = 'code' | 'name' | 'parentId';
const MESSAGES: Record<Field, string> = {
  code: '2 to 12 letters or digits, e.g. ENG',
  name: 'Give the department a name, e.g. “School of Engineering”',
  parentId: 'Choose another parent unit',
};

/** Add or edit a department: code, name and the unit it sits in. Saves with the version it read. */
@Component({
  selector: 'bce-department-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title id="department-dialog-title">{{ data.editing ? 'Edit ' + data.editing.name : 'Add a department' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="state.saving()">
      <mat-dialog-content class="grid">
        @if (state.formError(); as message) {
          <p class="banner error wide" role="alert">{{ message }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" cdkFocusInitial />
          <mat-error>{{ state.errorFor('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Code</mat-label>
          <input matInput formControlName="code" required maxlength="12" autocomplete="off" class="code" aria-describedby="code-hint" />
          <mat-hint id="code-hint">Short and unique, e.g. ENG</mat-hint>
          <mat-error>{{ state.errorFor('code') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Parent unit</mat-label>
          <select matNativeControl formControlName="parentId">
            <option value="">None (top level)</option>
            @for (option of parents; track option.department.id) {
              <option [value]="option.department.id">{{ indent(option.depth) }}{{ option.department.name }}</option>
            }
          </select>
          <mat-hint>e.g. the faculty a school belongs to</mat-hint>
          <mat-error>{{ state.errorFor('parentId') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">{{ data.editing ? 'Save' : 'Add department' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; min-width: min(520px, 86vw); }
    .wide { grid-column: 1 / -1; }
    .code { text-transform: uppercase; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentDialog {
  protected readonly data = inject<DepartmentDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<DepartmentDialog, DepartmentSettingFragment>);
  private readonly createGql = inject(CreateDepartmentGQL);
  private readonly updateGql = inject(UpdateDepartmentGQL);

  protected readonly parents = parentOptions(this.data.departments, this.data.editing?.id ?? null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.editing?.name ?? '', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    code: [this.data.editing?.code ?? '', [Validators.required, Validators.pattern(/^\s*[A-Za-z0-9]{2,12}\s*$/)]],
    parentId: [this.data.editing ? (this.data.editing.parentId ?? '') : (this.data.parentId ?? '')],
  });
  protected readonly state = new DialogSave<Field>(this.form, MESSAGES, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement);

  // Non-breaking spaces: a native <option> has no padding of its own.
  protected indent(depth: number): string {
    return '\u00a0\u00a0\u00a0'.repeat(depth);
  }

  protected save(): Promise<void> {
    return this.state.run(async () => {
      const values = departmentValues(this.form.getRawValue());
      const editing = this.data.editing;
      const saved = editing
        ? (await firstValueFrom(this.updateGql.mutate({ variables: { id: editing.id, version: editing.version, input: changedDepartmentFields(editing, values) } }))).data?.updateDepartment
        : (await firstValueFrom(this.createGql.mutate({ variables: { input: values } }))).data?.createDepartment;
      if (saved) this.ref.close(saved);
    });
  }
}
