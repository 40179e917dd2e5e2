import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { map, Observable } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { ArchiveDepartmentGQL, DepartmentSettingFragment, DepartmentSettingsGQL, RestoreDepartmentGQL } from '../../../graphql/generated';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { confirmed } from '../../organisations/components/confirm-dialog.component';
import { DepartmentDialog, DepartmentDialogData } from '../components/department.dialog';
import { departmentTree, liveChildren } from '../data-access/department-tree';

/**
 * /settings/departments: the institution's units as a tree (faculty → school), for admins to add,
 * rename, move, archive and restore. Archived ones are hidden unless asked for.
 */
@Component({
  selector: 'bce-departments-page',
  imports: [MatButtonModule, MatCheckboxModule, MatProgressBarModule],
  templateUrl: './departments.page.html',
  styleUrls: ['../../../shared/styles/admin-page.scss', './departments.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPage {
  private readonly listGql = inject(DepartmentSettingsGQL);
  private readonly archiveGql = inject(ArchiveDepartmentGQL);
  private readonly restoreGql = inject(RestoreDepartmentGQL);
  private readonly pickers = inject(DepartmentsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly all = signal<DepartmentSettingFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly showArchived = signal(false);
  protected readonly liveCount = computed(() => this.all().filter((d) => !d.archivedAt).length);
  protected readonly archivedCount = computed(() => this.all().length - this.liveCount());
  protected readonly rows = computed(() => departmentTree(this.showArchived() ? this.all() : this.all().filter((d) => !d.archivedAt)));
  private readonly names = computed(() => new Map(this.all().map((d) => [d.id, d.name])));

  constructor() {
    this.load();
  }

  protected parentName(d: DepartmentSettingFragment): string | null {
    return d.parentId ? (this.names().get(d.parentId) ?? null) : null;
  }

  protected add(parent: DepartmentSettingFragment | null = null): void {
    this.openDialog({ departments: this.all(), editing: null, parentId: parent?.id ?? null }, (saved) => `Added ${saved.name}`);
  }

  protected edit(d: DepartmentSettingFragment): void {
    this.openDialog({ departments: this.all(), editing: d }, (saved) => `Saved ${saved.name}`);
  }

  protected async archive(d: DepartmentSettingFragment): Promise<void> {
    const children = liveChildren(this.all(), d.id);
    if (children.length) {
      this.banner.set(`${d.name} cannot be archived while ${children.map((c) => c.name).join(', ')} ${children.length === 1 ? 'sits' : 'sit'} under it. Archive or move ${children.length === 1 ? 'it' : 'them'} first.`);
      return;
    }
    const members = d.memberCount
      ? [`${d.memberCount} ${d.memberCount === 1 ? 'user belongs' : 'users belong'} to it. They keep seeing its records, but nobody can log new engagements or opportunities in it: give them another department from the Users page.`]
      : [];
    const ok = await confirmed(this.dialog, {
      title: `Archive ${d.name}?`,
      message: ['It disappears from department pickers. Engagements and opportunities already recorded in it keep it.', ...members, 'You can restore it later.'].join(' '),
      confirmLabel: 'Archive',
    });
    if (ok) this.apply(this.archiveGql.mutate({ variables: { id: d.id } }).pipe(map((r) => r.data?.archiveDepartment)), 'Archived');
  }

  protected restore(d: DepartmentSettingFragment): void {
    this.apply(this.restoreGql.mutate({ variables: { id: d.id } }).pipe(map((r) => r.data?.restoreDepartment)), 'Restored');
  }

  protected toggleArchived(on: boolean): void {
    this.showArchived.set(on);
  }

  private load(): void {
    this.loading.set(true);
    this.listGql.fetch({ fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        this.all.set(result.data?.departments ?? []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }

  private openDialog(data: DepartmentDialogData, message: (saved: DepartmentSettingFragment) => string): void {
    this.banner.set(null);
    const ref = this.dialog.open<DepartmentDialog, DepartmentDialogData, DepartmentSettingFragment>(DepartmentDialog, {
      data, autoFocus: 'first-tabbable', restoreFocus: true, ariaLabelledBy: 'department-dialog-title', maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((saved) => {
      if (saved) this.saved(saved, message(saved));
    });
  }

  private apply(request: Observable<DepartmentSettingFragment | undefined>, verb: string): void {
    this.busy.set(true);
    this.banner.set(null);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        if (saved) this.saved(saved, `${verb} ${saved.name}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // Someone may have changed the tree meanwhile (a new unit under it): show it as it is now.
        this.banner.set(toApiError(error).message);
        this.load();
      },
    });
  }

  private saved(saved: DepartmentSettingFragment, message: string): void {
    this.all.update((list) => (list.some((d) => d.id === saved.id) ? list.map((d) => (d.id === saved.id ? saved : d)) : [...list, saved]));
    this.pickers.invalidate();
    this.snackBar.open(message, undefined, { duration: 3000 });
  }
}
