import { Routes } from '@angular/router';
import { managerGuard } from '../../core/auth/auth.guards';

/** /import: bringing spreadsheets in, for managers and admins (as the server allows). */
export const IMPORT_ROUTES: Routes = [
  { path: '', title: 'Import', canActivate: [managerGuard], loadComponent: () => import('./pages/import-list.page').then((m) => m.ImportListPage) },
  { path: ':id', title: 'Import', canActivate: [managerGuard], loadComponent: () => import('./pages/import-batch.page').then((m) => m.ImportBatchPage) },
];
