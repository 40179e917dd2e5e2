/**
 * Where to go once an institution sign-in completes. The browser leaves the app for the identity
 * provider, so the returnUrl is kept in sessionStorage (this tab only) until /sign-in/complete.
 */
const KEY = 'bce.returnUrl';

/** Only paths inside the app: an absolute URL in returnUrl would be an open redirect. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/sign-in') ? url : '/';
}

export function rememberReturnUrl(url: string): void {
  try {
    sessionStorage.setItem(KEY, safeReturnUrl(url));
  } catch {
    // Storage refused (private mode): the person lands on the home page instead.
  }
}

export function takeReturnUrl(): string {
  try {
    const url = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return safeReturnUrl(url);
  } catch {
    return '/';
  }
}
