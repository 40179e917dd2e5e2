import { Routes } from '@angular/router';

/** /duplicates: possible duplicates, the merge screen and the merge history (?view=history). */
export const DUPLICATE_ROUTES: Routes = [
  { path: '', title: 'Possible duplicates', loadComponent: () => import('./pages/duplicates.page').then((m) => m.DuplicatesPage) },
  { path: 'organisations/:a/:b', title: 'Merge organisations', data: { kind: 'organisation' }, loadComponent: () => import('./pages/merge.page').then((m) => m.MergePage) },
  { path: 'contacts/:a/:b', title: 'Merge people', data: { kind: 'contact' }, loadComponent: () => import('./pages/merge.page').then((m) => m.MergePage) },
];
