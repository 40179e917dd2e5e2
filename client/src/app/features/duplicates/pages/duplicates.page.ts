import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map, Observable } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import { toApiError } from '../../../core/errors/api-error';
import {
  ContactDuplicatesGQL, DismissDuplicateGQL, DuplicateKind, DuplicatePairFragment, MergeHistoryGQL, MergeHistoryQuery, OrganisationDuplicatesGQL, UndoMergeGQL,
} from '../../../graphql/generated';
import { movedText, reasonText, scanText, scoreText } from '../data-access/duplicate-wording';

type View = 'organisations' | 'contacts' | 'history';
type HistoryItem = MergeHistoryQuery['merges']['edges'][number]['node'];

/**
 * Possible duplicates, most likely first, with why; each pair can be compared and merged, or
 * judged "not a duplicate". Managers also see the merge history, and admins can undo from it.
 */
@Component({
  selector: 'bce-duplicates-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatButtonToggleModule, MatProgressBarModule],
  templateUrl: './duplicates.page.html',
  styleUrl: './duplicates.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuplicatesPage {
  private readonly organisationsGql = inject(OrganisationDuplicatesGQL);
  private readonly contactsGql = inject(ContactDuplicatesGQL);
  private readonly dismissGql = inject(DismissDuplicateGQL);
  private readonly historyGql = inject(MergeHistoryGQL);
  private readonly undoGql = inject(UndoMergeGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  protected readonly session = inject(SessionStore);

  protected readonly view = signal<View>((inject(ActivatedRoute).snapshot.queryParamMap.get('view') as View) ?? 'organisations');
  protected readonly pairs = signal<DuplicatePairFragment[]>([]);
  protected readonly total = signal(0);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly history = signal<HistoryItem[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** While the background scan is behind: how far the organisation list can be trusted. */
  protected readonly scanBehind = signal<string | null>(null);
  protected readonly reasonText = reasonText;
  protected readonly scoreText = scoreText;
  protected readonly movedText = movedText;

  constructor() {
    this.load();
  }

  protected show(view: View): void {
    this.view.set(view);
    void this.router.navigate([], { queryParams: { view }, replaceUrl: true });
    this.load();
  }

  protected kind(): DuplicateKind {
    return this.view() === 'contacts' ? 'contact' : 'organisation';
  }

  protected load(after: string | null = null): void {
    this.loading.set(true);
    this.error.set(null);
    if (this.view() === 'history') {
      this.historyGql.fetch({ variables: { first: 50 }, fetchPolicy: 'network-only' }).subscribe({
        next: (r) => this.done(() => this.history.set(r.data?.merges.edges.map((e) => e.node) ?? [])),
        error: (e: unknown) => this.done(() => this.error.set(toApiError(e).message)),
      });
      return;
    }
    const query: Observable<Page | undefined> = this.view() === 'contacts'
      ? this.contactsGql.fetch({ variables: { first: 25, after }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.contactDuplicates))
      : this.organisationsGql.fetch({ variables: { first: 25, after }, fetchPolicy: 'network-only' }).pipe(map((r) => {
        this.scanBehind.set(scanText(r.data?.duplicateScan));
        return r.data?.organisationDuplicates;
      }));
    query.subscribe({
      next: (page) => this.done(() => {
        this.pairs.set([...(after ? this.pairs() : []), ...(page?.edges.map((e) => e.node) ?? [])]);
        this.total.set(page?.totalCount ?? 0);
        this.endCursor.set(page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      }),
      error: (e: unknown) => this.done(() => this.error.set(toApiError(e).message)),
    });
  }

  protected nameOf(pair: DuplicatePairFragment, side: 'a' | 'b'): string {
    const record = side === 'a' ? (pair.organisationA ?? pair.contactA) : (pair.organisationB ?? pair.contactB);
    return record?.name ?? 'A record you cannot see';
  }

  protected detailOf(pair: DuplicatePairFragment, side: 'a' | 'b'): string {
    const org = side === 'a' ? pair.organisationA : pair.organisationB;
    const contact = side === 'a' ? pair.contactA : pair.contactB;
    return org?.postcode ?? contact?.emails.join(', ') ?? '';
  }

  protected compareLink(pair: DuplicatePairFragment): string[] {
    return ['/duplicates', this.view() === 'contacts' ? 'contacts' : 'organisations', pair.aId, pair.bId];
  }

  protected dismiss(pair: DuplicatePairFragment): void {
    this.busy.set(pair.id);
    this.dismissGql.mutate({ variables: { kind: this.kind(), aId: pair.aId, bId: pair.bId } }).subscribe({
      next: () => {
        this.busy.set(null);
        this.pairs.set(this.pairs().filter((p) => p.id !== pair.id));
        this.total.set(this.total() - 1);
        this.snackBar.open(`${this.nameOf(pair, 'a')} and ${this.nameOf(pair, 'b')} will no longer be suggested as duplicates`, undefined, { duration: 4000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.error.set(toApiError(e).message);
      },
    });
  }

  protected undo(merge: HistoryItem): void {
    if (!confirm(`Undo the merge of ${merge.mergedName} into ${merge.survivorName}? Both records and everything that moved go back as they were.`)) return;
    this.busy.set(merge.id);
    this.undoGql.mutate({ variables: { id: merge.id } }).subscribe({
      next: () => {
        this.busy.set(null);
        this.snackBar.open(`Merge undone: ${merge.mergedName} is back`, undefined, { duration: 4000 });
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.error.set(toApiError(e).message);
      },
    });
  }

  protected recordLink(kind: DuplicateKind, id: string): string[] {
    return [kind === 'contact' ? '/contacts' : '/organisations', id];
  }

  private done(apply: () => void): void {
    this.loading.set(false);
    apply();
  }
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: DuplicatePairFragment }>;
}
