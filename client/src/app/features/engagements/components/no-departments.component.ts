import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../../core/auth/session.store';

/**
 * Shown in the record forms when the institution has no department yet: every engagement and
 * opportunity needs one, so rather than a save that fails, say who can fix it (and, for an admin,
 * where).
 */
@Component({
  selector: 'bce-no-departments',
  imports: [RouterLink, MatButtonModule, MatDialogModule],
  template: `
    <div class="banner info" role="alert">
      @if (isAdmin()) {
        <p>There are no departments yet, and every record belongs to one. Add a department first.</p>
        <a mat-stroked-button routerLink="/settings/departments" mat-dialog-close>Go to Departments</a>
      } @else {
        <p>There are no departments yet, and every record belongs to one. Ask an admin to add a department.</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoDepartmentsComponent {
  protected readonly isAdmin = inject(SessionStore).isAdmin;
}
