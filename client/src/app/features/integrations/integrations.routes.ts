import { Routes } from '@angular/router';
import { adminGuard } from '../../core/auth/auth.guards';

/** /settings/integrations: API keys and webhooks, for admins only (as the server insists). */
export const INTEGRATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'api-keys' },
  { path: 'api-keys', title: 'API keys', canActivate: [adminGuard], loadComponent: () => import('./pages/api-keys.page').then((m) => m.ApiKeysPage) },
  { path: 'webhooks', title: 'Webhooks', canActivate: [adminGuard], loadComponent: () => import('./pages/webhooks.page').then((m) => m.WebhooksPage) },
];
