import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Signed-in users only; everyone else goes to /sign-in and comes back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return user ? true : router.createUrlTree(['/sign-in'], { queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {} });
};

/** Viewers cannot create or edit records: send them to the record (or list) instead of a form they cannot save. */
export const writerGuard: CanActivateFn = async (route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ensureUser();
  if (auth.canWrite()) return true;
  const id = route.paramMap.get('id');
  // The feature's list: /organisations/new → /organisations, /contacts/new → /contacts.
  const list = `/${state.url.split(/[/?#]/)[1] || 'organisations'}`;
  return router.createUrlTree(id ? [list, id] : [list]);
};

/** Reference data is for admins: anyone else is sent home rather than shown a page that refuses every save. */
export const adminGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ensureUser();
  return auth.isAdmin() ? true : router.createUrlTree(['/']);
};

/** Pages for managers and admins (imports): anyone else is sent home. */
export const managerGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ensureUser();
  return auth.isManager() ? true : router.createUrlTree(['/']);
};

/** A signed-in user opening /sign-in goes straight to the app. */
export const guestGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureUser()) ? router.createUrlTree(['/']) : true;
};
