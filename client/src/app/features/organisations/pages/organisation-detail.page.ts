import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { catchError, EMPTY, firstValueFrom, map, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import { ArchiveOrganisationGQL, OrganisationDetailFragment, OrganisationGQL, RestoreOrganisationGQL } from '../../../graphql/generated';
import {
  labelOf,
  ORGANISATION_TYPE_LABELS,
  REGION_LABELS,
  RELATIONSHIP_ROLE_LABELS,
  RELATIONSHIP_STAGE_LABELS,
  sicSectionLabel,
  SIZE_BAND_LABELS,
} from '../../../shared/labels/enum-labels';
import { ConfirmDialogComponent, ConfirmDialogData } from '../components/confirm-dialog.component';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

@Component({
  selector: 'bce-organisation-detail-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  templateUrl: './organisation-detail.page.html',
  styleUrl: './organisation-detail.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationDetailPage {
  private readonly organisationGql = inject(OrganisationGQL);
  private readonly archiveGql = inject(ArchiveOrganisationGQL);
  private readonly restoreGql = inject(RestoreOrganisationGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly canWrite = this.auth.canWrite;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly organisation = signal<OrganisationDetailFragment | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

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
      { label: 'Companies House number', value: org.companiesHouseNumber ?? '—' },
      { label: 'Legal name', value: org.legalName ?? '—' },
      { label: 'Trading names', value: org.tradingNames.join(', ') || '—' },
      { label: 'Address', value: address || '—' },
      { label: 'Region', value: labelOf(REGION_LABELS, org.region) },
      { label: 'Owner', value: org.owner?.name ?? 'No owner' },
      { label: 'Created', value: formatDate(org.createdAt) },
      { label: 'Updated', value: formatDate(org.updatedAt) },
    ];
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.notFound.set(false);
          this.error.set(null);
        }),
        switchMap((id) =>
          this.organisationGql.fetch({ variables: { id } }).pipe(
            map((result) => result.data?.organisation ?? null),
            catchError((error: unknown) => {
              this.showError(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((org) => {
        this.loading.set(false);
        this.show(org);
      });
  }

  protected edit(): void {
    const org = this.organisation();
    if (org) void this.router.navigate(['/organisations', org.id, 'edit']);
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
      if (updated) this.organisation.set(updated);
      this.snackBar.open(done, 'Dismiss');
    } catch (error) {
      const api = toApiError(error);
      if (api.code !== 'UNAUTHENTICATED') this.snackBar.open(api.message, 'Dismiss', { politeness: 'assertive', duration: 10000 });
    } finally {
      this.busy.set(false);
    }
  }

  private show(org: OrganisationDetailFragment | null): void {
    this.organisation.set(org);
    this.notFound.set(!org);
    this.title.setTitle(pageTitle(org ? org.name : 'Organisation not found'));
  }

  private showError(error: unknown): void {
    this.loading.set(false);
    const api = toApiError(error);
    if (api.code === 'NOT_FOUND') this.show(null);
    else if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
  }
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}
