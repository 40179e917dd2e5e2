import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { todayIso } from '../../../shared/dates/dates';
import { filterFromParams, filterToParams, isCustomRange, periodKey, periodLabel, ReportFilterState, toReportFilter } from './report-filter';

/**
 * The reports' shared filter, read from and written to the URL. Provided by the reports page, so
 * every report tab under it sees the same filter.
 */
@Injectable()
export class ReportFilterStore {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  readonly today = todayIso();
  readonly state = computed(() => filterFromParams(this.params(), this.today), { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  /** The GraphQL ReportFilter for the current state. */
  readonly filter = computed(() => toReportFilter(this.state()));
  readonly periodLabel = computed(() => periodLabel(this.state()));
  /** The period in export file names. */
  readonly periodKey = computed(() => periodKey(this.state()));
  readonly customRange = computed(() => isCustomRange(this.state()));
  /** The filter's query params, for links between report tabs. */
  readonly queryParams = computed(() => {
    const params = filterToParams(this.state());
    return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)) as Record<string, string>;
  });

  /** True when the URL does not yet say which year it shows. */
  get unsettled(): boolean {
    const p = this.route.snapshot.queryParamMap;
    return !p.get('year') && !p.get('from') && !p.get('to');
  }

  update(patch: Partial<ReportFilterState>): void {
    const next = { ...this.state(), ...patch };
    void this.router.navigate([], { queryParams: filterToParams(next), queryParamsHandling: 'merge', replaceUrl: true });
  }
}
