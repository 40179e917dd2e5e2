import { Routes } from '@angular/router';
import { adminGuard } from '../../core/auth/auth.guards';

/** /privacy: subject access, erasure and retention, for the data protection officer (admins). */
export const PRIVACY_ROUTES: Routes = [
  { path: '', title: 'Privacy', canActivate: [adminGuard], loadComponent: () => import('./pages/privacy.page').then((m) => m.PrivacyPage) },
];
