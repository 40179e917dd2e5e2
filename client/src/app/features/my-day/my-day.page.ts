import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { startWith, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { toApiError } from '../../core/errors/api-error';
import { MyDayGQL, MyDayQuery, TaskItemFragment } from '../../graphql/generated';
import { formatIsoDate, relativeDays } from '../../shared/dates/dates';
import { ENGAGEMENT_TYPE_LABELS, labelOf } from '../../shared/labels/enum-labels';
import { LogEngagementService } from '../engagements/log-engagement.service';
import { ExportMenuComponent } from '../../shared/export/export-menu.component';
import { TaskListComponent } from '../tasks/components/task-list.component';

type MyDay = MyDayQuery['myDay'];

/** The home page: what needs doing today, what I did lately, and who I have not spoken to. */
@Component({
  selector: 'bce-my-day-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TaskListComponent, ExportMenuComponent],
  templateUrl: './my-day.page.html',
  styleUrl: './my-day.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyDayPage {
  private readonly myDayGql = inject(MyDayGQL);
  private readonly auth = inject(AuthService);
  private readonly log = inject(LogEngagementService);
  /** Every open task of mine (the page shows the overdue and this week's), exported by the server. */
  protected readonly openTasksExport = { list: 'tasks' as const, args: { statuses: ['open'] } };

  protected readonly canWrite = this.auth.canWrite;
  protected readonly firstName = computed(() => this.auth.user()?.name.split(' ')[0] ?? '');
  protected readonly day = signal<MyDay | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  protected readonly typeLabel = (t: MyDay['recentEngagements'][number]['type']) => labelOf(ENGAGEMENT_TYPE_LABELS, t);
  protected readonly date = formatIsoDate;
  protected readonly ago = (iso: string | null | undefined) => relativeDays(iso);

  constructor() {
    // Reload after logging, so "Recent engagements" and follow-ups are current.
    this.log.logged$
      .pipe(
        startWith(null),
        switchMap(() => this.myDayGql.fetch()),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          this.day.set(result.data?.myDay ?? null);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          const api = toApiError(error);
          if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
        },
      });
  }

  protected logEngagement(): void {
    this.log.open();
  }

  protected completed(task: TaskItemFragment): void {
    this.day.update((d) => (d ? { ...d, overdueTasks: d.overdueTasks.filter((t) => t.id !== task.id), dueTasks: d.dueTasks.filter((t) => t.id !== task.id) } : d));
  }
}
