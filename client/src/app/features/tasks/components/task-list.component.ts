import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { CompleteTaskGQL, TaskItemFragment } from '../../../graphql/generated';
import { formatIsoDate, relativeDays } from '../../../shared/dates/dates';

/** Open tasks with their due dates, overdue ones marked, and a Complete button for writers. */
@Component({
  selector: 'bce-task-list',
  imports: [RouterLink, MatButtonModule],
  template: `
    @if (!tasks().length) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <ul class="tasks" [attr.aria-label]="label()">
        @for (task of tasks(); track task.id) {
          <li [class.overdue]="task.overdue">
            <div class="text">
              <span class="title">{{ task.title }}</span>
              <span class="meta muted">
                @if (task.overdue) {
                  <span class="badge warning">Overdue</span>
                }
                @if (task.dueOn) {
                  Due {{ date(task.dueOn) }} ({{ ago(task.dueOn) }})
                } @else {
                  No due date
                }
                @if (showRecord()) {
                  @if (task.organisation) {
                    · <a [routerLink]="['/organisations', task.organisation.id]">{{ task.organisation.name }}</a>
                  }
                  @if (task.contact) {
                    · <a [routerLink]="['/contacts', task.contact.id]">{{ task.contact.name }}</a>
                  }
                }
                @if (showAssignee() && task.assignee) {
                  · {{ task.assignee.name }}
                }
              </span>
            </div>
            @if (canWrite()) {
              <button mat-stroked-button type="button" (click)="complete(task)" [disabled]="busy() === task.id" [attr.aria-label]="'Complete ' + task.title">Complete</button>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .tasks {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    li.overdue .title {
      color: var(--mat-sys-error);
    }
    .text {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .meta {
      font: var(--mat-sys-body-small);
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskListComponent {
  private readonly completeGql = inject(CompleteTaskGQL);
  private readonly snackBar = inject(MatSnackBar);

  readonly tasks = input.required<readonly TaskItemFragment[]>();
  readonly canWrite = input(false);
  readonly showRecord = input(false);
  readonly showAssignee = input(true);
  readonly label = input('Open tasks');
  readonly emptyText = input('No open tasks.');
  /** Emits the task once the server has marked it done. */
  readonly completed = output<TaskItemFragment>();

  protected readonly busy = signal<string | null>(null);
  protected readonly date = formatIsoDate;
  protected readonly ago = (iso: string) => relativeDays(iso);

  protected async complete(task: TaskItemFragment): Promise<void> {
    if (this.busy()) return;
    this.busy.set(task.id);
    try {
      const result = await firstValueFrom(this.completeGql.mutate({ variables: { id: task.id, version: task.version } }));
      const done = result.data?.completeTask;
      if (done) {
        this.completed.emit(done);
        this.snackBar.open(`Completed “${task.title}”`, 'Dismiss');
      }
    } catch (error) {
      const api = toApiError(error);
      const message = api.code === 'CONFLICT' ? 'Someone else changed this task. Reload the page to see it.' : api.message;
      if (api.code !== 'UNAUTHENTICATED') this.snackBar.open(message, 'Dismiss', { politeness: 'assertive', duration: 10000 });
    } finally {
      this.busy.set(null);
    }
  }
}
