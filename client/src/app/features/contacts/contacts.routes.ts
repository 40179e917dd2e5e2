import { Routes } from '@angular/router';
import { writerGuard } from '../../core/auth/auth.guards';

export const CONTACT_ROUTES: Routes = [
  { path: '', title: 'Contacts', loadComponent: () => import('./pages/contact-list.page').then((m) => m.ContactListPage) },
  {
    path: 'new',
    title: 'New contact',
    canActivate: [writerGuard],
    loadComponent: () => import('./pages/contact-form.page').then((m) => m.ContactFormPage),
  },
  { path: ':id', title: 'Contact', loadComponent: () => import('./pages/contact-detail.page').then((m) => m.ContactDetailPage) },
  {
    path: ':id/edit',
    title: 'Edit contact',
    canActivate: [writerGuard],
    loadComponent: () => import('./pages/contact-form.page').then((m) => m.ContactFormPage),
  },
];
