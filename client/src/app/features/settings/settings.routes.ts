import { Routes } from '@angular/router';
import { adminGuard } from '../../core/auth/auth.guards';

/** /settings: reference data and accounts that admins keep. */
export const SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'stages' },
  { path: 'departments', title: 'Departments', canActivate: [adminGuard], loadComponent: () => import('./pages/departments.page').then((m) => m.DepartmentsPage) },
  { path: 'users', title: 'Users', canActivate: [adminGuard], loadComponent: () => import('./pages/users.page').then((m) => m.UsersPage) },
  { path: 'export', title: 'Export all data', canActivate: [adminGuard], loadComponent: () => import('./pages/data-export.page').then((m) => m.DataExportPage) },
  { path: 'integrations', loadChildren: () => import('../integrations/integrations.routes').then((m) => m.INTEGRATION_ROUTES) },
  { path: 'stages', title: 'Pipeline stages', canActivate: [adminGuard], loadComponent: () => import('./pages/stages.page').then((m) => m.StagesPage) },
];
