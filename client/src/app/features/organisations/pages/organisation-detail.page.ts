import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { catchError, EMPTY, filter, firstValueFrom, map, merge, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import { ArchiveOrganisationGQL, OrganisationDetailFragment, OrganisationPeopleGQL, OrganisationViewGQL, OrganisationViewQuery, RestoreOrganisationGQL, TaskItemFragment } from '../../../graphql/generated';
import { HistoryListComponent } from '../../../shared/audit/history-list.component';
import { formatDateTime, formatIsoDate, relativeDays } from '../../../shared/dates/dates';
import {
  COMPANY_STATUS_LABELS,
  GONE_COMPANY_STATUSES,
  labelOf,
  ORGANISATION_TYPE_LABELS,
  REGION_LABELS,
  RELATIONSHIP_ROLE_LABELS,
  RELATIONSHIP_STAGE_LABELS,
  sicSectionLabel,
  SIZE_BAND_LABELS,
  LEGAL_FORM_LABELS,
} from '../../../shared/labels/enum-labels';
import { TimelineComponent } from '../../engagements/components/timeline.component';
import type { PeopleSearch } from '../../engagements/data-access/person-options';
import { peopleOf } from '../data-access/people-count';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { LogEngagementService } from '../../engagements/log-engagement.service';
import { TaskListComponent } from '../../tasks/components/task-list.component';
import { ConfirmDialogComponent, ConfirmDialogData } from '../components/confirm-dialog.component';
import { HealthPanelComponent } from '../components/health-panel.component';
import { OrganisationSizeComponent } from '../components/organisation-size.component';
import { OrganisationOpportunitiesComponent } from '../components/organisation-opportunities.component';
import { OrganisationPeopleComponent } from '../components/organisation-people.component';
import { formatCount } from '../../../shared/numbers/numbers';
import { OwnersService } from '../../../shared/users/owners.service';

type OrganisationView = NonNullable<OrganisationViewQuery['organisation']>;

/** The unified relationship view: everything the institution does with one organisation. */
@Component({
  selector: 'bce-organisation-detail-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTabsModule, TimelineComponent, TaskListComponent, HistoryListComponent, OrganisationPeopleComponent, HealthPanelComponent, OrganisationOpportunitiesComponent, OrganisationSizeComponent],
  templateUrl: './organisation-detail.page.html',
  styleUrl: '../../../shared/styles/record-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationDetailPage {
  private readonly viewGql = inject(OrganisationViewGQL);
  private readonly peopleGql = inject(OrganisationPeopleGQL);
  private readonly archiveGql = inject(ArchiveOrganisationGQL);
  private readonly restoreGql = inject(RestoreOrganisationGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly logEngagement = inject(LogEngagementService);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly canWrite = this.auth.canWrite;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly organisation = signal<OrganisationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  private readonly departments = toSignal(inject(DepartmentsService).departments(), { initialValue: [] });
  private readonly owners = toSignal(inject(OwnersService).owners(), { initialValue: null });

  protected readonly scope = computed(() => ({ organisationId: this.id() }));
  /** Its first page of people, for the timeline's person filter; `findPeople` finds the rest by name. */
  protected readonly people = computed(() => peopleOf(this.organisation()?.people));
  protected readonly findPeople: PeopleSearch = (search) =>
    this.peopleGql.fetch({ variables: { id: this.id(), first: 10, search } }).pipe(map((r) => peopleOf(r.data?.organisation?.people)));
  protected readonly summaryLine = computed(() => {
    const org = this.organisation();
    if (!org) return [];
    return [
      labelOf(ORGANISATION_TYPE_LABELS, org.type),
      labelOf(RELATIONSHIP_STAGE_LABELS, org.relationshipStage),
      org.owner ? `Owner: ${org.owner.name}` : 'No owner',
      org.department ? `Department: ${org.department.name}` : null,
    ].filter((part): part is string => !!part);
  });
  protected readonly historyLookup = computed(() => {
    const names = new Map<string, string>();
    for (const d of this.departments()) names.set(d.id, d.name);
    for (const u of this.owners() ?? []) names.set(u.id, u.name);
    const org = this.organisation();
    if (org?.owner) names.set(org.owner.id, org.owner.name);
    for (const { node: a } of org?.people.edges ?? []) if (a.contact) names.set(a.contact.id, a.contact.name);
    return (id: string) => names.get(id);
  });

  /** A company that no longer exists, or is being wound up, says so beside its name. */
  protected readonly statusBadge = computed(() => {
    const status = this.organisation()?.companyStatus;
    return status && status !== 'active' && status !== 'registered' ? { label: COMPANY_STATUS_LABELS[status], gone: GONE_COMPANY_STATUSES.has(status) } : null;
  });

  protected readonly facts = computed(() => {
    const org = this.organisation();
    if (!org) return [];
    const address = [org.addressLine1, org.addressLine2, org.town, org.postcode].filter(Boolean).join(', ');
    return [
      { label: 'Type', value: labelOf(ORGANISATION_TYPE_LABELS, org.type) },
      { label: 'Relationship stage', value: labelOf(RELATIONSHIP_STAGE_LABELS, org.relationshipStage) },
      { label: 'Relationship roles', value: org.relationshipRoles.map((r) => labelOf(RELATIONSHIP_ROLE_LABELS, r)).join(', ') || '—' },
      { label: 'Sector', value: org.sector ? sicSectionLabel(org.sector) : '—' },
      { label: 'Size band', value: labelOf(SIZE_BAND_LABELS, org.sizeBand) },
      { label: 'Legal form', value: labelOf(LEGAL_FORM_LABELS, org.legalForm) },
      { label: 'Companies House number', value: org.companiesHouseNumber ?? '—' },
      { label: 'Company status', value: labelOf(COMPANY_STATUS_LABELS, org.companyStatus) },
      { label: 'Company category', value: org.companyCategory ?? '—' },
      { label: 'Incorporated', value: org.incorporationDate ? formatIsoDate(org.incorporationDate) : '—' },
      { label: 'SIC codes', value: org.sicActivities.map((a) => `${a.code} ${a.description}`).join('; ') || '—' },
      { label: 'Legal name', value: org.legalName ?? '—' },
      { label: 'Trading names', value: org.tradingNames.join(', ') || '—' },
      { label: 'Address', value: address || '—' },
      { label: 'Region', value: labelOf(REGION_LABELS, org.region) },
      { label: 'Owner', value: org.owner?.name ?? 'No owner' },
      { label: 'Department', value: org.department?.name ?? '—' },
      { label: 'Created', value: formatDateTime(org.createdAt) },
      { label: 'Updated', value: formatDateTime(org.updatedAt) },
    ];
  });

  protected readonly date = formatIsoDate;
  protected readonly count = formatCount;
  protected readonly ago = (iso: string) => relativeDays(iso);

  constructor() {
    const destroyRef = inject(DestroyRef);
    // The page reloads for a new id, and quietly after an engagement is logged here (tasks, departments).
    const loggedHere$ = this.logEngagement.logged$.pipe(
      filter((e) => e.organisation?.id === this.id()),
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
            map((result) => result.data?.organisation ?? null),
            catchError((error: unknown) => {
              this.showError(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((org) => {
        this.loading.set(false);
        this.show(org);
      });
    destroyRef.onDestroy(() => this.logEngagement.context.set(null));
  }

  protected edit(): void {
    const org = this.organisation();
    if (org) void this.router.navigate(['/organisations', org.id, 'edit']);
  }

  protected taskCompleted(task: TaskItemFragment): void {
    this.organisation.update((org) => (org ? { ...org, openTasks: org.openTasks.filter((t) => t.id !== task.id) } : org));
  }

  protected async archive(): Promise<void> {
    const org = this.organisation();
    if (!org || this.busy()) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            title: `Archive ${org.name}?`,
            message: 'It will be hidden from lists and search. An admin can restore it later.',
            confirmLabel: 'Archive',
          },
          autoFocus: 'first-tabbable',
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    await this.run(() => firstValueFrom(this.archiveGql.mutate({ variables: { id: org.id } })).then((r) => r.data?.archiveOrganisation), `${org.name} archived`);
  }

  protected async restore(): Promise<void> {
    const org = this.organisation();
    if (!org || this.busy()) return;
    await this.run(() => firstValueFrom(this.restoreGql.mutate({ variables: { id: org.id } })).then((r) => r.data?.restoreOrganisation), `${org.name} restored`);
  }

  private async run(work: () => Promise<OrganisationDetailFragment | undefined>, done: string): Promise<void> {
    this.busy.set(true);
    try {
      const updated = await work();
      if (updated) this.organisation.update((org) => (org ? { ...org, ...updated } : org));
      this.snackBar.open(done, 'Dismiss');
    } catch (error) {
      const api = toApiError(error);
      if (api.code !== 'UNAUTHENTICATED') this.snackBar.open(api.message, 'Dismiss', { politeness: 'assertive', duration: 10000 });
    } finally {
      this.busy.set(false);
    }
  }

  private show(org: OrganisationView | null): void {
    this.organisation.set(org);
    this.notFound.set(!org);
    this.title.setTitle(pageTitle(org ? org.name : 'Organisation not found'));
    this.logEngagement.context.set(org && !org.archivedAt ? { organisation: { id: org.id, name: org.name } } : null);
  }

  private showError(error: unknown): void {
    this.loading.set(false);
    const api = toApiError(error);
    if (api.code === 'NOT_FOUND') this.show(null);
    else if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
  }
}
