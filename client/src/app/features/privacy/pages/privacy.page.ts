import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { firstValueFrom, Observable } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import { toApiError } from '../../../core/errors/api-error';
import {
  CompleteSubjectAccessRequestGQL,
  DecideRetentionGQL,
  EraseContactGQL,
  RetentionQueueGQL,
  RetentionQueueQuery,
  RetentionRuleItemFragment,
  RetentionRulesGQL,
  SubjectAccessRequestItemFragment,
  SubjectAccessRequestsGQL,
} from '../../../graphql/generated';
import { formatDateTime, formatIsoDate, todayIso } from '../../../shared/dates/dates';
import { confirmed } from '../../organisations/components/confirm-dialog.component';
import { confirmErasure } from '../components/erase-contact.dialog';
import { askKeepUntil } from '../components/keep-until.dialog';
import { RetentionRuleDialogComponent, RetentionRuleDialogData } from '../components/retention-rule.dialog';
import { SubjectAccessRequestDialogComponent, SubjectAccessRequestDialogData } from '../components/subject-access-request.dialog';
import { downloadSubjectAccess, dueLabel, SubjectAccessFormat } from '../data-access/privacy.model';

type Due = RetentionQueueQuery['retentionQueue']['edges'][number]['node'];

/** /privacy: the data protection officer's desk — subject access requests, the retention review queue and its rules. */
@Component({
  selector: 'bce-privacy-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTabsModule],
  templateUrl: './privacy.page.html',
  styleUrl: './privacy.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyPage {
  private readonly requestsGql = inject(SubjectAccessRequestsGQL);
  private readonly completeGql = inject(CompleteSubjectAccessRequestGQL);
  private readonly eraseGql = inject(EraseContactGQL);
  private readonly queueGql = inject(RetentionQueueGQL);
  private readonly rulesGql = inject(RetentionRulesGQL);
  private readonly decideGql = inject(DecideRetentionGQL);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly requests = signal<SubjectAccessRequestItemFragment[]>([]);
  protected readonly queue = signal<Due[]>([]);
  protected readonly queueTotal = signal(0);
  protected readonly rules = signal<RetentionRuleItemFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly dueLabel = dueLabel;
  protected readonly isoDay = formatIsoDate;
  protected readonly dateTime = formatDateTime;

  constructor() {
    void this.load();
  }

  protected newRequest(): void {
    const ref = this.dialog.open<SubjectAccessRequestDialogComponent, SubjectAccessRequestDialogData, SubjectAccessRequestItemFragment>(SubjectAccessRequestDialogComponent, {
      data: { contact: null }, ariaLabelledBy: 'sar-dialog-title', restoreFocus: true, maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((saved) => saved && void this.load(`Request logged: due ${saved.dueOn}`));
  }

  protected async download(contactId: string, format: SubjectAccessFormat): Promise<void> {
    this.status.set('Preparing the export…');
    try {
      await downloadSubjectAccess(contactId, format, this.session.token());
      this.status.set('Done: the file is in your downloads. The export is recorded in the audit trail.');
      void this.load();
    } catch (error) {
      this.status.set(error instanceof Error ? error.message : 'The export could not be made. Try again.');
    }
  }

  protected async complete(r: SubjectAccessRequestItemFragment): Promise<void> {
    const ok = await confirmed(this.dialog, { title: 'Mark the request answered?', message: `The request from ${r.requester} is marked completed today.`, confirmLabel: 'Mark answered' });
    if (ok) await this.run(this.completeGql.mutate({ variables: { id: r.id } }), 'Request marked answered');
  }

  protected async erase(contact: { id: string; name: string }): Promise<void> {
    const confirmName = await confirmErasure(this.dialog, contact.name);
    if (confirmName) await this.run(this.eraseGql.mutate({ variables: { id: contact.id, input: { confirmName } } }), `${contact.name} was erased`);
  }

  protected async keep(item: Due): Promise<void> {
    const today = todayIso();
    const keepUntil = await askKeepUntil(this.dialog, { name: item.contact.name, suggested: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` });
    if (keepUntil) await this.decide(item, 'keep', { keepUntil }, `${item.contact.name} kept until ${keepUntil}`);
  }

  protected async archive(item: Due): Promise<void> {
    const ok = await confirmed(this.dialog, { title: `Archive ${item.contact.name}?`, message: 'They leave lists and search; an admin can restore them.', confirmLabel: 'Archive' });
    if (ok) await this.decide(item, 'archive', {}, `${item.contact.name} archived`);
  }

  protected async eraseDue(item: Due): Promise<void> {
    const confirmName = await confirmErasure(this.dialog, item.contact.name);
    if (confirmName) await this.decide(item, 'erase', { confirmName }, `${item.contact.name} was erased`);
  }

  protected editRule(editing: RetentionRuleItemFragment | null): void {
    const ref = this.dialog.open<RetentionRuleDialogComponent, RetentionRuleDialogData, RetentionRuleItemFragment>(RetentionRuleDialogComponent, {
      data: { editing }, ariaLabelledBy: 'rule-dialog-title', restoreFocus: true, maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((saved) => saved && void this.load(`Saved “${saved.description}”`));
  }

  private decide(item: Due, decision: 'keep' | 'archive' | 'erase', extra: { keepUntil?: string; confirmName?: string }, message: string): Promise<void> {
    return this.run(this.decideGql.mutate({ variables: { input: { ruleId: item.rule.id, recordType: item.recordType, recordId: item.recordId, decision, ...extra } } }), message);
  }

  private async run(request: Observable<unknown>, message: string): Promise<void> {
    this.busy.set(true);
    this.banner.set(null);
    try {
      await firstValueFrom(request);
      await this.load(message);
    } catch (error) {
      this.banner.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(message?: string): Promise<void> {
    this.loading.set(true);
    try {
      const [requests, queue, rules] = await Promise.all([
        firstValueFrom(this.requestsGql.fetch({ variables: { first: 100 }, fetchPolicy: 'network-only' })),
        firstValueFrom(this.queueGql.fetch({ variables: { first: 100 }, fetchPolicy: 'network-only' })),
        firstValueFrom(this.rulesGql.fetch({ fetchPolicy: 'network-only' })),
      ]);
      this.requests.set((requests.data?.subjectAccessRequests.edges ?? []).map((e) => e.node));
      this.queue.set((queue.data?.retentionQueue.edges ?? []).map((e) => e.node));
      this.queueTotal.set(queue.data?.retentionQueue.totalCount ?? 0);
      this.rules.set(rules.data?.retentionRules ?? []);
      if (message) this.snackBar.open(message, undefined, { duration: 4000 });
    } catch (error) {
      this.banner.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
