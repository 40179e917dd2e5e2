import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { catchError, EMPTY, filter, firstValueFrom, map, merge, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { SessionStore } from '../../../core/auth/session.store';
import { toApiError } from '../../../core/errors/api-error';
import { pageTitle } from '../../../core/shell/page-title.strategy';
import {
  AffiliationItemFragment,
  ConsentItemFragment,
  ContactViewGQL,
  ContactViewQuery,
  EraseContactGQL,
  TaskItemFragment,
  UpdateAffiliationGQL,
  WithdrawConsentGQL,
} from '../../../graphql/generated';
import { HistoryListComponent } from '../../../shared/audit/history-list.component';
import { formatIsoDate, formatLocalDate, todayIso } from '../../../shared/dates/dates';
import { CONSENT_CHANNEL_LABELS, LAWFUL_BASIS_LABELS, labelOf, PREFERRED_CHANNEL_LABELS } from '../../../shared/labels/enum-labels';
import { TimelineComponent } from '../../engagements/components/timeline.component';
import { LogEngagementService } from '../../engagements/log-engagement.service';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../organisations/components/confirm-dialog.component';
import { confirmErasure } from '../../privacy/components/erase-contact.dialog';
import { SubjectAccessRequestDialogComponent, SubjectAccessRequestDialogData } from '../../privacy/components/subject-access-request.dialog';
import { downloadSubjectAccess, SubjectAccessFormat } from '../../privacy/data-access/privacy.model';
import { TaskListComponent } from '../../tasks/components/task-list.component';
import { AFFILIATION_DIALOG_TITLE_ID, AffiliationDialogComponent, AffiliationDialogData, AffiliationDialogResult } from '../components/affiliation.dialog';
import { AffiliationListComponent } from '../components/affiliation-list.component';
import { CONSENT_DIALOG_TITLE_ID, ConsentDialogComponent, ConsentDialogData } from '../components/consent.dialog';
import { endAffiliationInput } from '../data-access/affiliation-form.model';
import { isCurrentAffiliation } from '../data-access/affiliation-period';

type ContactView = NonNullable<ContactViewQuery['contact']>;

/**
 * Everything about one person: where they have worked, every engagement they were at, tasks,
 * consent, history. Writers edit their details, roles and consent from here.
 */
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
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly updateAffiliationGql = inject(UpdateAffiliationGQL);
  private readonly withdrawConsentGql = inject(WithdrawConsentGQL);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly isAdmin = inject(AuthService).isAdmin;
  private readonly session = inject(SessionStore);
  private readonly eraseGql = inject(EraseContactGQL);
  protected readonly contact = signal<ContactView | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Writers may change a live record; an archived one is read only. */
  protected readonly editable = computed(() => this.canWrite() && !!this.contact() && !this.contact()?.archivedAt);

  protected readonly scope = computed(() => ({ contactId: this.id() }));
  // A role ended today is past here (the schema's "end date in the future"), so End moves it at once.
  private readonly affiliations = computed(() => (this.contact()?.affiliations ?? []).map((a) => ({ ...a, current: isCurrentAffiliation(a.toDate) })));
  protected readonly current = computed(() => this.affiliations().filter((a) => a.current));
  protected readonly past = computed(() => this.affiliations().filter((a) => !a.current));
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
  protected readonly consentChannelLabel = (v: ContactView['consents'][number]['channel']) => labelOf(CONSENT_CHANNEL_LABELS, v, 'Not specified');
  protected readonly day = formatLocalDate;
  protected readonly isoDay = formatIsoDate;

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
          this.viewGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }).pipe(
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

  protected edit(): void {
    void this.router.navigate(['/contacts', this.id(), 'edit']);
  }

  protected async addAffiliation(): Promise<void> {
    const c = this.contact();
    if (!c) return;
    const result = await this.openAffiliationDialog({ contactId: c.id, contactName: c.name, suggestPrimary: !this.current().length });
    if (result?.kind === 'saved') this.snackBar.open(`${result.affiliation.organisation?.name ?? 'Organisation'} added`, 'Dismiss');
    if (result) await this.refresh(result.kind === 'saved' ? `#affiliation-${result.affiliation.id}` : null);
  }

  protected async editAffiliation(affiliation: AffiliationItemFragment): Promise<void> {
    const c = this.contact();
    if (!c) return;
    const result = await this.openAffiliationDialog({ contactId: c.id, contactName: c.name, affiliation });
    if (result?.kind === 'saved') this.snackBar.open('Role saved', 'Dismiss');
    if (result) await this.refresh(`#affiliation-${affiliation.id}`);
  }

  protected async endAffiliation(affiliation: AffiliationItemFragment): Promise<void> {
    const c = this.contact();
    if (!c || this.busy()) return;
    const where = affiliation.organisation?.name ?? 'this organisation';
    const confirmed = await this.confirm({
      title: `End ${c.firstName}’s role at ${where}?`,
      message: `It moves to Past, ending today (${formatIsoDate(todayIso())}). Use Edit to give a different end date.`,
      confirmLabel: 'End role',
    });
    if (!confirmed) return;
    await this.run(async () => {
      await firstValueFrom(this.updateAffiliationGql.mutate({ variables: { id: affiliation.id, version: affiliation.version, input: endAffiliationInput() } }));
      this.snackBar.open(`Role at ${where} ended`, 'Dismiss');
    }, `#affiliation-${affiliation.id}`);
  }

  protected async recordConsent(): Promise<void> {
    const c = this.contact();
    if (!c) return;
    const saved = await firstValueFrom(
      this.dialog
        .open<ConsentDialogComponent, ConsentDialogData, ConsentItemFragment>(ConsentDialogComponent, {
          data: { contactId: c.id, contactName: c.name },
          ariaLabelledBy: CONSENT_DIALOG_TITLE_ID,
          autoFocus: 'first-tabbable',
          restoreFocus: true,
          width: '560px',
          maxWidth: '96vw',
        })
        .afterClosed(),
    );
    if (!saved) return;
    this.snackBar.open(`Consent for ${saved.purpose} recorded`, 'Dismiss');
    await this.refresh(`#consent-${saved.id}`);
  }

  protected async withdrawConsent(consent: ConsentItemFragment): Promise<void> {
    const c = this.contact();
    if (!c || this.busy()) return;
    const confirmed = await this.confirm({
      title: `Withdraw consent for ${consent.purpose}?`,
      message: `This records that ${c.name} has withdrawn it, as of now. It stays on their record, struck through. If they agree again, record a new consent.`,
      confirmLabel: 'Withdraw',
    });
    if (!confirmed) return;
    await this.run(async () => {
      await firstValueFrom(this.withdrawConsentGql.mutate({ variables: { id: consent.id } }));
      this.snackBar.open(`Consent for ${consent.purpose} withdrawn`, 'Dismiss');
    }, `#consent-${consent.id}`);
  }

  /** The DPO's "export everything held": a readable document or JSON, logged by the server. */
  protected async exportHeld(format: SubjectAccessFormat): Promise<void> {
    const c = this.contact();
    if (!c) return;
    try {
      await downloadSubjectAccess(c.id, format, this.session.token());
      this.snackBar.open('Export downloaded; it is recorded in the audit trail', 'Dismiss');
    } catch (error) {
      this.snackBar.open(error instanceof Error ? error.message : 'The export could not be made. Try again.', 'Dismiss', { politeness: 'assertive' });
    }
    await this.refresh(null);
  }

  protected async logSubjectAccess(): Promise<void> {
    const c = this.contact();
    if (!c) return;
    const saved = await firstValueFrom(this.dialog.open<SubjectAccessRequestDialogComponent, SubjectAccessRequestDialogData, { dueOn: string }>(SubjectAccessRequestDialogComponent, {
      data: { contact: { id: c.id, name: c.name } }, ariaLabelledBy: 'sar-dialog-title', restoreFocus: true, maxWidth: '96vw',
    }).afterClosed());
    if (saved) this.snackBar.open(`Request logged: the answer is due by ${formatIsoDate(saved.dueOn)}`, 'Dismiss');
  }

  protected async erase(): Promise<void> {
    const c = this.contact();
    if (!c || this.busy()) return;
    const confirmName = await confirmErasure(this.dialog, c.name);
    if (!confirmName) return;
    await this.run(async () => {
      await firstValueFrom(this.eraseGql.mutate({ variables: { id: c.id, input: { confirmName } } }));
      this.snackBar.open('The person was erased', 'Dismiss');
    }, '#details-title');
  }

  protected taskCompleted(task: TaskItemFragment): void {
    this.contact.update((c) => (c ? { ...c, openTasks: c.openTasks.filter((t) => t.id !== task.id) } : c));
  }

  private openAffiliationDialog(data: AffiliationDialogData): Promise<AffiliationDialogResult | undefined> {
    return firstValueFrom(
      this.dialog
        .open<AffiliationDialogComponent, AffiliationDialogData, AffiliationDialogResult>(AffiliationDialogComponent, {
          data,
          ariaLabelledBy: AFFILIATION_DIALOG_TITLE_ID,
          autoFocus: 'first-tabbable',
          restoreFocus: true,
          width: '600px',
          maxWidth: '96vw',
        })
        .afterClosed(),
    );
  }

  private confirm(data: ConfirmDialogData): Promise<boolean | undefined> {
    return firstValueFrom(
      this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data, autoFocus: 'first-tabbable', restoreFocus: true }).afterClosed(),
    );
  }

  /** Runs a change; whatever happens (a colleague may have changed it first), the page shows the stored state after. */
  private async run(work: () => Promise<void>, focusAfter: string): Promise<void> {
    this.busy.set(true);
    try {
      await work();
    } catch (error) {
      const api = toApiError(error);
      if (api.code === 'UNAUTHENTICATED') return;
      const message = api.code === 'CONFLICT' ? 'Someone else changed this first. The page now shows their change; try again if it is still needed.' : api.message;
      this.snackBar.open(message, 'Dismiss', { politeness: 'assertive', duration: 10000 });
    } finally {
      this.busy.set(false);
    }
    await this.refresh(focusAfter);
  }

  /**
   * Reloads the person from the server (so the History tab shows the change) and, if the control
   * that had focus went away with the change (End, Withdraw), moves focus to `focusAfter`.
   */
  private async refresh(focusAfter: string | null): Promise<void> {
    const id = this.id();
    try {
      const result = await firstValueFrom(this.viewGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }));
      if (id === this.id()) this.show(result.data?.contact ?? null);
    } catch (error) {
      const api = toApiError(error);
      if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
      return;
    }
    if (!focusAfter) return;
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      this.host.nativeElement.querySelector<HTMLElement>(focusAfter)?.focus();
    });
  }

  private show(contact: ContactView | null): void {
    this.contact.set(contact);
    this.notFound.set(!contact);
    this.title.setTitle(pageTitle(contact ? contact.name : 'Contact not found'));
    this.logEngagement.context.set(contact ? { organisation: this.primaryOrganisation(), contacts: [{ id: contact.id, name: contact.name }] } : null);
  }
}
