import { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guards';
import { homeRedirect } from './features/dashboard/home.guard';

export const routes: Routes = [
  {
    path: 'sign-in/complete',
    title: 'Signing in',
    loadComponent: () => import('./core/auth/sign-in-complete.page').then((m) => m.SignInCompletePage),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [guestGuard],
    loadComponent: () => import('./core/auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      { path: 'dashboard', title: 'Dashboard', loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage) },
      { path: 'my-day', title: 'My day', loadComponent: () => import('./features/my-day/my-day.page').then((m) => m.MyDayPage) },
      { path: 'organisations', loadChildren: () => import('./features/organisations/organisations.routes').then((m) => m.ORGANISATION_ROUTES) },
      { path: 'contacts', loadChildren: () => import('./features/contacts/contacts.routes').then((m) => m.CONTACT_ROUTES) },
      { path: 'pipeline', title: 'Pipeline', loadComponent: () => import('./features/pipeline/pages/pipeline.page').then((m) => m.PipelinePage) },
      { path: 'data-quality', title: 'Data quality', loadComponent: () => import('./features/data-quality/data-quality.page').then((m) => m.DataQualityPage) },
      { path: 'settings', loadChildren: () => import('./features/settings/settings.routes').then((m) => m.SETTINGS_ROUTES) },
      { path: 'maturity', loadChildren: () => import('./features/maturity/maturity.routes').then((m) => m.MATURITY_ROUTES) },
      { path: 'duplicates', loadChildren: () => import('./features/duplicates/duplicates.routes').then((m) => m.DUPLICATE_ROUTES) },
      { path: 'import', loadChildren: () => import('./features/import/import.routes').then((m) => m.IMPORT_ROUTES) },
      { path: 'reports', loadChildren: () => import('./features/reports/reports.routes').then((m) => m.REPORT_ROUTES) },
      { path: 'privacy', loadChildren: () => import('./features/privacy/privacy.routes').then((m) => m.PRIVACY_ROUTES) },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./core/shell/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
