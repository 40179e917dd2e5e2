import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { catchError, EMPTY, filter, map, merge, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import { ContactViewGQL, ContactViewQuery, TaskItemFragment } from '../../../graphql/generated';
import { HistoryListComponent } from '../../../shared/audit/history-list.component';
import { formatDateTime } from '../../../shared/dates/dates';
import { LAWFUL_BASIS_LABELS, labelOf, PREFERRED_CHANNEL_LABELS } from '../../../shared/labels/enum-labels';
import { TimelineComponent } from '../../engagements/components/timeline.component';
import { LogEngagementService } from '../../engagements/log-engagement.service';
import { TaskListComponent } from '../../tasks/components/task-list.component';
import { AffiliationListComponent } from '../components/affiliation-list.component';

type ContactView = NonNullable<ContactViewQuery['contact']>;

/** Everything about one person: where they have worked, every engagement they were at, tasks, history. */
@Component({
  selector: 'bce-contact-detail-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTabsModule, TimelineComponent, TaskListComponent, HistoryListComponent, AffiliationListComponent],
  templateUrl: './contact-detail.page.html',
  styleUrls: ['../../../shared/styles/record-page.scss', './contact-detail.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactDetailPage {
  private readonly viewGql = inject(ContactViewGQL);
  private readonly title = inject(Title);
  private readonly logEngagement = inject(LogEngagementService);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly contact = signal<ContactView | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly scope = computed(() => ({ contactId: this.id() }));
  protected readonly current = computed(() => this.contact()?.affiliations.filter((a) => a.current) ?? []);
  protected readonly past = computed(() => this.contact()?.affiliations.filter((a) => !a.current) ?? []);
  private readonly primary = computed(() => this.current().find((a) => a.isPrimary) ?? this.current()[0] ?? null);
  /** The headline reads "Head of Skills at Siemens Energy UK". */
  protected readonly primaryRole = computed(() => this.primary()?.role || this.contact()?.jobTitle || '');
  protected readonly primaryOrganisation = computed(() => this.primary()?.organisation ?? null);
  protected readonly historyLookup = computed(() => {
    const names = new Map<string, string>();
    const c = this.contact();
    if (c?.owner) names.set(c.owner.id, c.owner.name);
    for (const a of c?.affiliations ?? []) if (a.organisation) names.set(a.organisation.id, a.organisation.name);
    return (id: string) => names.get(id);
  });

  protected readonly channelLabel = (v: ContactView['preferredChannel']) => labelOf(PREFERRED_CHANNEL_LABELS, v, 'Not recorded');
  protected readonly basisLabel = (v: ContactView['lawfulBasis']) => labelOf(LAWFUL_BASIS_LABELS, v, 'Not recorded');
  protected readonly dateTime = formatDateTime;

  constructor() {
    const destroyRef = inject(DestroyRef);
    const loggedHere$ = this.logEngagement.logged$.pipe(
      filter((e) => e.contacts.some((c) => c.id === this.id())),
      map(() => ({ id: this.id(), quiet: true })),
    );
    merge(toObservable(this.id).pipe(map((id) => ({ id, quiet: false }))), loggedHere$)
      .pipe(
        tap(({ quiet }) => {
          if (quiet) return;
          this.loading.set(true);
          this.notFound.set(false);
          this.error.set(null);
        }),
        switchMap(({ id }) =>
          this.viewGql.fetch({ variables: { id } }).pipe(
            map((result) => result.data?.contact ?? null),
            catchError((error: unknown) => {
              this.loading.set(false);
              const api = toApiError(error);
              if (api.code === 'NOT_FOUND') this.show(null);
              else if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((contact) => {
        this.loading.set(false);
        this.show(contact);
      });
    destroyRef.onDestroy(() => this.logEngagement.context.set(null));
  }

  protected taskCompleted(task: TaskItemFragment): void {
    this.contact.update((c) => (c ? { ...c, openTasks: c.openTasks.filter((t) => t.id !== task.id) } : c));
  }

  private show(contact: ContactView | null): void {
    this.contact.set(contact);
    this.notFound.set(!contact);
    this.title.setTitle(pageTitle(contact ? contact.name : 'Contact not found'));
    this.logEngagement.context.set(contact ? { organisation: this.primaryOrganisation(), contacts: [{ id: contact.id, name: contact.name }] } : null);
  }
}
