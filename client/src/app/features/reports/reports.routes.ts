import { Routes } from '@angular/router';

/** /reports: one tab per question, all sharing the filter in the URL. */
export const REPORT_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./reports.page').then((m) => m.ReportsPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'pipeline' },
      { path: 'pipeline', title: 'Pipeline report', loadComponent: () => import('./pages/pipeline-report.page').then((m) => m.PipelineReportPage) },
      { path: 'win-rate', title: 'Win rate report', loadComponent: () => import('./pages/win-rate-report.page').then((m) => m.WinRateReportPage) },
      { path: 'activity', title: 'Activity report', loadComponent: () => import('./pages/activity-report.page').then((m) => m.ActivityReportPage) },
      {
        path: 'top-organisations',
        title: 'Top organisations report',
        loadComponent: () => import('./pages/top-organisations-report.page').then((m) => m.TopOrganisationsReportPage),
      },
      { path: 'hebci', title: 'HE-BCI summary', loadComponent: () => import('./pages/hebci-report.page').then((m) => m.HeBciReportPage) },
    ],
  },
];
