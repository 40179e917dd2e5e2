import { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guards';

export const routes: Routes = [
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
      { path: '', pathMatch: 'full', redirectTo: 'organisations' },
      { path: 'organisations', loadChildren: () => import('./features/organisations/organisations.routes').then((m) => m.ORGANISATION_ROUTES) },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./core/shell/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
