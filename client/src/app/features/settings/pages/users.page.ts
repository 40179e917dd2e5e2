import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { forkJoin, map, Observable } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import {
  DeactivateUserGQL,
  DepartmentSettingFragment,
  DepartmentSettingsGQL,
  ReactivateUserGQL,
  ResetPasswordGQL,
  UserSettingFragment,
  UserSettingsGQL,
} from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';
import { labelOf, ROLE_LABELS } from '../../../shared/labels/enum-labels';
import { confirmed } from '../../organisations/components/confirm-dialog.component';
import { TemporaryPasswordDialog, TemporaryPasswordDialogData } from '../components/temporary-password.dialog';
import { UserDialog, UserDialogData, UserDialogResult } from '../components/user.dialog';

/**
 * /settings/users: who can sign in, with which role and departments. Admins invite colleagues
 * (a one-time password shown once), edit them, deactivate them (their sessions end at once) and
 * reset passwords.
 */
@Component({
  selector: 'bce-users-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './users.page.html',
  styleUrls: ['../../../shared/styles/admin-page.scss', './users.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly usersGql = inject(UserSettingsGQL);
  private readonly departmentsGql = inject(DepartmentSettingsGQL);
  private readonly deactivateGql = inject(DeactivateUserGQL);
  private readonly reactivateGql = inject(ReactivateUserGQL);
  private readonly resetGql = inject(ResetPasswordGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthService).user;

  protected readonly users = signal<UserSettingFragment[]>([]);
  protected readonly departments = signal<DepartmentSettingFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly hasLiveDepartment = computed(() => this.departments().some((d) => !d.archivedAt));
  /** Active first, then by name: deactivated people are rarely what an admin is looking for. */
  protected readonly sorted = computed(() => [...this.users()].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'en-GB')));

  constructor() {
    this.load();
  }

  protected roleLabel(u: UserSettingFragment): string {
    return labelOf(ROLE_LABELS, u.role);
  }

  protected lastSignIn(u: UserSettingFragment): string {
    return formatDateTime(u.lastSignInAt, 'Never');
  }

  protected departmentNames(u: UserSettingFragment): string {
    return u.departments.map((d) => d.name).join(', ') || 'None';
  }

  protected isMe(u: UserSettingFragment): boolean {
    return u.id === this.me()?.id;
  }

  protected invite(): void {
    this.openDialog(null);
  }

  protected edit(u: UserSettingFragment): void {
    this.openDialog(u);
  }

  protected async deactivate(u: UserSettingFragment): Promise<void> {
    const ok = await confirmed(this.dialog, {
      title: `Deactivate ${u.name}?`,
      message: `${u.name} is signed out everywhere at once and can no longer sign in. Their records stay as they are. You can reactivate them later.`,
      confirmLabel: 'Deactivate',
    });
    if (ok) this.apply(this.deactivateGql.mutate({ variables: { id: u.id } }).pipe(map((r) => r.data?.deactivateUser)), (saved) => `${saved.name} is deactivated`);
  }

  protected reactivate(u: UserSettingFragment): void {
    this.apply(this.reactivateGql.mutate({ variables: { id: u.id } }).pipe(map((r) => r.data?.reactivateUser)), (saved) => `${saved.name} can sign in again`);
  }

  protected async resetPassword(u: UserSettingFragment): Promise<void> {
    const ok = await confirmed(this.dialog, {
      title: `Reset ${u.name}'s password?`,
      message: 'Their current password stops working and they are signed out everywhere. You will see a new temporary password once, to give them.',
      confirmLabel: 'Reset password',
    });
    if (!ok) return;
    this.busy.set(true);
    this.resetGql.mutate({ variables: { userId: u.id } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const reset = result.data?.resetPassword;
        if (!reset) return;
        this.replace(reset.user);
        this.showPassword({ heading: 'New password for', name: reset.user.name, email: reset.user.email, temporaryPassword: reset.temporaryPassword });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private load(): void {
    this.loading.set(true);
    forkJoin([this.usersGql.fetch({ fetchPolicy: 'network-only' }), this.departmentsGql.fetch({ fetchPolicy: 'network-only' })]).subscribe({
      next: ([users, departments]) => {
        this.loading.set(false);
        this.users.set(users.data?.users ?? []);
        this.departments.set(departments.data?.departments ?? []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }

  private openDialog(editing: UserSettingFragment | null): void {
    this.banner.set(null);
    const ref = this.dialog.open<UserDialog, UserDialogData, UserDialogResult>(UserDialog, {
      data: { departments: this.departments(), editing }, autoFocus: 'first-tabbable', restoreFocus: true, ariaLabelledBy: 'user-dialog-title', maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((result) => {
      if (!result) return;
      this.replace(result.user);
      if (result.temporaryPassword) {
        this.showPassword({ heading: 'Invited', name: result.user.name, email: result.user.email, temporaryPassword: result.temporaryPassword });
      } else {
        this.snackBar.open(`Saved ${result.user.name}`, undefined, { duration: 3000 });
      }
    });
  }

  private apply(request: Observable<UserSettingFragment | undefined>, message: (saved: UserSettingFragment) => string): void {
    this.busy.set(true);
    this.banner.set(null);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        if (!saved) return;
        this.replace(saved);
        this.snackBar.open(message(saved), undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.banner.set(toApiError(error).message);
  }

  private replace(saved: UserSettingFragment): void {
    this.users.update((list) => (list.some((u) => u.id === saved.id) ? list.map((u) => (u.id === saved.id ? saved : u)) : [...list, saved]));
  }

  private showPassword(data: TemporaryPasswordDialogData): void {
    this.dialog.open(TemporaryPasswordDialog, { data, ariaLabelledBy: 'temporary-password-title', restoreFocus: true, disableClose: true });
  }
}
