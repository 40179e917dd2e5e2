import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import {
  BoardColumnGQL, MoveOpportunityGQL, OpportunityByIdGQL, OpportunityCardFragment, PipelineFilter, PipelineTotalsFragment, StageItemFragment,
} from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatPence } from '../../../shared/money/money';
import { BoardColumns, columnOf, columnPage, ColumnPage, placeCard, removeCard } from '../data-access/board.model';
import { LostReasonDialog } from './lost-reason.dialog';

type StageTotals = PipelineTotalsFragment['stages'][number];
/** Cards a column shows at first and adds per "Show more"; the page asks for the first ones. */
export const COLUMN_PAGE = 50;
/** Soonest to close first: what needs attention is at the top of each column. */
export const BOARD_ORDER = { field: 'expectedCloseDate', direction: 'asc' } as const;
/** The board's first pages as the page loaded them: null while loading. */
export type BoardLoad = { pages: ColumnPage[] } | { error: string } | null;

/**
 * The kanban board: a column per open stage, with Won and Lost as drop targets. Drag a card, or
 * use its "Move" menu (or Shift+←/→ on a focused card) to move it without a mouse. A move made
 * on a stale card is refused by the server (CONFLICT); the card is then reloaded from the server
 * and the user is told, so nothing is silently lost.
 */
@Component({
  selector: 'bce-pipeline-board',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, RouterLink, MatButtonModule, MatMenuModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './pipeline-board.component.html',
  styleUrl: './pipeline-board.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoardComponent {
  private readonly columnGql = inject(BoardColumnGQL);
  private readonly moveGql = inject(MoveOpportunityGQL);
  private readonly byIdGql = inject(OpportunityByIdGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);

  readonly stages = input.required<StageItemFragment[]>();
  readonly filter = input.required<PipelineFilter>();
  readonly totals = input<StageTotals[]>([]);
  /** Each open stage's first page (loaded by the page with the totals, in one request). */
  readonly firstPages = input<BoardLoad>(null);
  readonly canWrite = input(false);
  /** After any move: the page reloads the totals. */
  readonly moved = output<void>();

  protected readonly openStages = computed(() => this.stages().filter((s) => s.outcome === 'open'));
  protected readonly closedStages = computed(() => this.stages().filter((s) => s.outcome !== 'open'));
  protected readonly columns = signal<BoardColumns>({});
  protected readonly more = signal<Record<string, string | null>>({});
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);

  protected readonly money = formatPence;
  protected readonly date = formatIsoDate;
  protected readonly typeLabel = (t: OpportunityCardFragment['type']) => OPPORTUNITY_TYPE_LABELS[t];
  protected readonly cardsIn = (stageId: string): OpportunityCardFragment[] => this.columns()[stageId] ?? [];
  protected readonly totalsFor = (stageId: string) => this.totals().find((t) => t.stage.id === stageId);

  constructor() {
    effect(() => {
      const load = this.firstPages();
      untracked(() => this.show(load));
    });
  }

  private show(load: BoardLoad): void {
    this.loading.set(load === null);
    this.error.set(load && 'error' in load ? load.error : null);
    if (!load || !('pages' in load)) return;
    this.columns.set(Object.fromEntries(load.pages.map((p) => [p.stageId, p.cards])));
    this.more.set(Object.fromEntries(load.pages.map((p) => [p.stageId, p.next])));
  }

  private fetchColumn(stageId: string, filter: PipelineFilter, after: string) {
    return this.columnGql
      .fetch({
        variables: { first: COLUMN_PAGE, after, filter: { ...filter, stageIds: [stageId] }, orderBy: BOARD_ORDER },
        fetchPolicy: 'network-only',
      })
      .pipe(map((r) => columnPage(stageId, r.data?.opportunities)));
  }

  protected loadMore(stageId: string): void {
    const after = this.more()[stageId];
    if (!after) return;
    this.fetchColumn(stageId, this.filter(), after).subscribe((page) => {
      this.columns.update((c) => ({ ...c, [stageId]: [...(c[stageId] ?? []), ...page.cards] }));
      this.more.update((m) => ({ ...m, [stageId]: page.next }));
    });
  }

  protected dropped(event: CdkDragDrop<string, string, OpportunityCardFragment>): void {
    if (event.previousContainer === event.container) return;
    void this.move(event.item.data, event.container.data, event.currentIndex);
  }

  /** Shift+→ / Shift+← on a focused card moves it to the next or previous open stage. */
  protected cardKey(event: KeyboardEvent, card: OpportunityCardFragment): void {
    if (!event.shiftKey || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const open = this.openStages();
    const at = open.findIndex((s) => s.id === card.stageId);
    const to = open[at + (event.key === 'ArrowRight' ? 1 : -1)];
    if (!to) return;
    event.preventDefault();
    void this.move(card, to.id, 0).then(() => queueMicrotask(() => document.getElementById(`card-${card.id}`)?.focus()));
  }

  async move(card: OpportunityCardFragment, toStageId: string, index = 0): Promise<void> {
    const to = this.stages().find((s) => s.id === toStageId);
    if (!to || to.id === card.stageId || this.busy()) return;
    let lostReason: string | null = null;
    if (to.outcome === 'lost') {
      lostReason = (await firstValueFrom(this.dialog.open(LostReasonDialog, { data: { title: card.title }, ariaLabelledBy: 'lost-title' }).afterClosed())) ?? null;
      if (!lostReason) return;
    }
    const before = this.columns();
    this.columns.set(placeCard(before, card, to.id, index));
    this.busy.set(card.id);
    try {
      const result = await firstValueFrom(this.moveGql.mutate({ variables: { id: card.id, version: card.version, stageId: to.id, lostReason } }));
      const saved = result.data?.moveOpportunity;
      if (saved) this.columns.update((c) => placeCard(c, saved, saved.stageId, this.indexOf(c, saved.id)));
      const message = to.outcome === 'won' ? `“${card.title}” won — ${formatPence(card.valuePence)}` : `Moved “${card.title}” to ${to.name}`;
      this.snackBar.open(message, 'Dismiss', { duration: 4000 });
      void this.announcer.announce(message);
      this.moved.emit();
    } catch (e) {
      const api = toApiError(e);
      if (api.code === 'CONFLICT') {
        await this.reloadCard(card, before);
        this.snackBar.open(`Someone else changed “${card.title}” since you loaded it. The card now shows their version; try the move again.`, 'OK');
      } else {
        this.columns.set(before);
        this.snackBar.open(api.message, 'Dismiss');
      }
      this.moved.emit();
    } finally {
      this.busy.set(null);
    }
  }

  private indexOf(columns: BoardColumns, id: string): number {
    const stage = columnOf(columns, id);
    return stage ? columns[stage].findIndex((c) => c.id === id) : 0;
  }

  /** Puts the server's version of a card where the server says it is (or off the board if closed or gone). */
  private async reloadCard(card: OpportunityCardFragment, before: BoardColumns): Promise<void> {
    try {
      const fresh = (await firstValueFrom(this.byIdGql.fetch({ variables: { id: card.id }, fetchPolicy: 'network-only' }))).data?.opportunity;
      this.columns.set(fresh ? placeCard(before, fresh, fresh.stageId, 0) : removeCard(before, card.id));
    } catch {
      this.columns.set(before);
    }
  }
}
