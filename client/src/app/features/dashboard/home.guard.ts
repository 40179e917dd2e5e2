import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { isManager } from '../../core/auth/roles';

/**
 * "/" is each person's home: managers and admins land on the dashboard, everyone else on My day.
 * A guard rather than a redirect, because redirects run before the user is known.
 */
export const homeRedirect: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return router.createUrlTree([isManager(user?.role) ? '/dashboard' : '/my-day']);
};
