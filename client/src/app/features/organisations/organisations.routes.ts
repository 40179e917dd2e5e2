import { Routes } from '@angular/router';
import { writerGuard } from '../../core/auth/auth.guards';

export const ORGANISATION_ROUTES: Routes = [
  { path: '', title: 'Organisations', loadComponent: () => import('./pages/organisation-list.page').then((m) => m.OrganisationListPage) },
  {
    path: 'new',
    title: 'New organisation',
    canActivate: [writerGuard],
    loadComponent: () => import('./pages/organisation-form.page').then((m) => m.OrganisationFormPage),
  },
  { path: ':id', title: 'Organisation', loadComponent: () => import('./pages/organisation-detail.page').then((m) => m.OrganisationDetailPage) },
  {
    path: ':id/edit',
    title: 'Edit organisation',
    canActivate: [writerGuard],
    loadComponent: () => import('./pages/organisation-form.page').then((m) => m.OrganisationFormPage),
  },
];
