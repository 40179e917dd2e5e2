import { Routes } from '@angular/router';
import { adminGuard } from '../../core/auth/auth.guards';

/** /settings: reference data that admins edit. */
export const SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'stages' },
  { path: 'export', title: 'Export all data', canActivate: [adminGuard], loadComponent: () => import('./pages/data-export.page').then((m) => m.DataExportPage) },
  { path: 'stages', title: 'Pipeline stages', canActivate: [adminGuard], loadComponent: () => import('./pages/stages.page').then((m) => m.StagesPage) },
];
