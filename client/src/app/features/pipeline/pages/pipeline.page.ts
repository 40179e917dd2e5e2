import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { catchError, combineLatest, distinctUntilChanged, filter, map, merge, Observable, of, share, startWith, Subject, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { OpportunityStagesGQL, OpportunityType, PipelineBoardGQL, PipelineFilter, PipelineGQL, PipelineTotalsFragment } from '../../../graphql/generated';
import { OwnersService } from '../../../shared/users/owners.service';
import { optionsOf } from '../../../shared/labels/enum-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatPence } from '../../../shared/money/money';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { BOARD_ORDER, BoardLoad, COLUMN_PAGE, PipelineBoardComponent } from '../components/pipeline-board.component';
import { firstPages } from '../data-access/board.model';
import { PipelineTableComponent } from '../components/pipeline-table.component';
import { OpportunityDialog, OpportunityDialogData } from '../components/opportunity.dialog';
import { CLOSE_PRESETS, presetOf } from '../data-access/close-presets';
import { todayIso } from '../../../shared/dates/dates';
import { drillPeriodText, hasFilters, isDrillDown, paramsFromState, PipelineState, PipelineView, stateFromParams, toOpportunityFilter, toPipelineFilter } from '../data-access/pipeline-filter.model';

/** Open opportunities by stage (board) or as a table, filtered by department, owner, type, organisation and expected close. */
@Component({
  selector: 'bce-pipeline-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatSelectModule, PipelineBoardComponent, PipelineTableComponent],
  templateUrl: './pipeline.page.html',
  styleUrl: './pipeline.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelinePage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly pipelineGql = inject(PipelineGQL);
  private readonly boardGql = inject(PipelineBoardGQL);

  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly state = toSignal(this.route.queryParams.pipe(map(stateFromParams)), { requireSync: true });
  protected readonly filter = computed(() => toPipelineFilter(this.state()));
  protected readonly tableFilter = computed(() => toOpportunityFilter(this.state()));
  /** The table lists something other than the open pipeline (a report's drill-down): the open totals would mislead. */
  protected readonly narrowed = computed(() => this.state().view === 'table' && (this.state().stageIds.length > 0 || isDrillDown(this.state())));
  protected readonly drillPeriod = computed(() => drillPeriodText(this.state()));
  protected readonly filtered = computed(() => hasFilters(this.state()));

  protected readonly stages = toSignal(inject(OpportunityStagesGQL).fetch().pipe(map((r) => r.data?.opportunityStages ?? []), catchError(() => of([]))), { initialValue: [] });
  protected readonly departments = toSignal(inject(DepartmentsService).departments(), { initialValue: [] });
  protected readonly users = toSignal(inject(OwnersService).owners().pipe(map((owners) => owners ?? [])), { initialValue: [] });
  protected readonly typeOptions = optionsOf(OPPORTUNITY_TYPE_LABELS);
  protected readonly closePresets = CLOSE_PRESETS;
  protected readonly closePreset = computed(() => presetOf(this.state().closeFrom, this.state().closeTo, todayIso()));

  /** After a card moves: the totals again (the board's columns already show the move). */
  private readonly reloadTotals$ = new Subject<void>();
  /** After a new opportunity: the totals and the board's columns again. */
  private readonly reload$ = new Subject<void>();
  private readonly loaded$ = combineLatest([
    this.route.queryParams.pipe(map((p) => ({ filter: toPipelineFilter(stateFromParams(p)), board: stateFromParams(p).view === 'board' })), distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b))),
    this.reload$.pipe(startWith(undefined)),
  ]).pipe(
    switchMap(([{ filter, board }]) => (board ? this.loadBoard(filter) : this.totals(filter).pipe(map((totals) => ({ totals, board: null }))))),
    share(),
  );
  protected readonly pipeline = toSignal<PipelineTotalsFragment | null>(
    merge(this.loaded$.pipe(map((l) => l.totals), filter((t) => t !== undefined)), this.reloadTotals$.pipe(switchMap(() => this.totals(this.filter())))),
    { initialValue: null },
  );
  /** The board's first pages, loaded with the totals; null while loading. */
  protected readonly boardLoad = toSignal(this.loaded$.pipe(map((l) => l.board)), { initialValue: null });
  protected readonly money = formatPence;
  protected readonly boardKey = signal(0);

  protected update(change: Partial<PipelineState>): void {
    void this.router.navigate([], { queryParams: paramsFromState({ ...this.state(), ...change }), replaceUrl: true });
  }

  protected setView(view: PipelineView): void {
    this.update({ view });
  }

  protected setClose(key: string): void {
    const preset = CLOSE_PRESETS.find((p) => p.key === key);
    if (preset) this.update({ closeFrom: preset.range(todayIso()).from, closeTo: preset.range(todayIso()).to });
  }

  protected setTypes(types: OpportunityType[]): void {
    this.update({ types });
  }

  protected clearDrillPeriod(): void {
    this.update({ closedFrom: null, closedTo: null, runningFrom: null, runningTo: null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: this.state().view === 'table' ? { view: 'table' } : {}, replaceUrl: true });
  }

  protected totalsChanged(): void {
    this.reloadTotals$.next();
  }

  private totals(filter: PipelineFilter): Observable<PipelineTotalsFragment | null> {
    return this.pipelineGql.fetch({ variables: { filter }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.pipeline ?? null), catchError(() => of(null)));
  }

  /** One request for the board: the totals and each open column's first cards, soonest to close first. */
  private loadBoard(filter: PipelineFilter): Observable<{ totals?: PipelineTotalsFragment | null; board: BoardLoad }> {
    return this.boardGql.fetch({ variables: { filter, first: COLUMN_PAGE, orderBy: BOARD_ORDER }, fetchPolicy: 'network-only' }).pipe(
      map((r) => (r.data ? { totals: r.data.pipeline, board: { pages: firstPages(r.data.pipeline) } } : { totals: null, board: { error: 'The board did not load' } })),
      // The columns show they are loading; the totals on screen stay until the new ones come.
      startWith({ board: null }),
      catchError((e: unknown) => of({ totals: null, board: { error: toApiError(e).message } })),
    );
  }

  protected newOpportunity(): void {
    const data: OpportunityDialogData = { organisation: null, departmentIds: this.state().departmentIds };
    this.dialog
      .open(OpportunityDialog, { data, ariaLabelledBy: 'opportunity-dialog-title', width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.boardKey.update((k) => k + 1);
        this.reload$.next();
      });
  }
}
