import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ReportFilterBarComponent } from './components/report-filter-bar.component';
import { ReportFilterStore } from './data-access/report-filter.store';

/** The reports area: the shared filter, a tab per question, and the chosen report under them. */
@Component({
  selector: 'bce-reports-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, ReportFilterBarComponent],
  providers: [ReportFilterStore],
  template: `
    <div class="page-header">
      <h1>Reports</h1>
    </div>
    <bce-report-filter-bar />
    <p class="muted period" role="status">Showing {{ store.periodLabel() }}. Every figure counts only the records you may see.</p>
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Reports" class="tabs">
      @for (tab of tabs; track tab.path) {
        <a mat-tab-link [routerLink]="tab.path" [queryParams]="store.queryParams()" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive">
          {{ tab.label }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel class="panel-body">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .period {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
    }
    .tabs {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  protected readonly store = inject(ReportFilterStore);
  protected readonly tabs = [
    { path: 'pipeline', label: 'Pipeline' },
    { path: 'win-rate', label: 'Win rate' },
    { path: 'activity', label: 'Activity' },
    { path: 'top-organisations', label: 'Top organisations' },
    { path: 'hebci', label: 'HE-BCI' },
  ];

  constructor() {
    // Write the year into the URL, so a link copied today still shows this year after 31 July.
    if (this.store.unsettled) this.store.update({});
  }
}
