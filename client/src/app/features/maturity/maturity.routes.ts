import { Routes } from '@angular/router';
import { adminGuard } from '../../core/auth/auth.guards';

/** /maturity: the JISC CRM maturity self-assessment — history and comparison, the wizard, the results. */
export const MATURITY_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'CRM maturity', loadComponent: () => import('./pages/history.page').then((m) => m.HistoryPage) },
  { path: 'framework', title: 'Maturity framework', canActivate: [adminGuard], loadComponent: () => import('./pages/framework.page').then((m) => m.FrameworkPage) },
  { path: ':id/answer', title: 'Answer the self-assessment', loadComponent: () => import('./pages/wizard.page').then((m) => m.WizardPage) },
  { path: ':id', title: 'Maturity results', loadComponent: () => import('./pages/results.page').then((m) => m.ResultsPage) },
];
