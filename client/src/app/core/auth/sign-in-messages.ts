import type { ApiError } from '../errors/api-error';

/** What to tell someone whose sign-in failed. */
export function signInErrorMessage(error: ApiError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'Email or password is incorrect. Check them and try again.';
    case 'TOO_MANY_REQUESTS':
      return error.message || 'Too many failed sign-in attempts. Try again in 15 minutes.';
    case 'BAD_USER_INPUT':
      return 'Enter a valid email address and your password.';
    case 'FORBIDDEN':
      return /password sign-in is turned off/i.test(error.message)
        ? 'Password sign-in is turned off here. Use the button to sign in with your institution account.'
        : 'This account cannot sign in. Ask your CRM administrator.';
    case 'NETWORK':
      return error.message;
    default:
      return 'Sign-in is not available right now. Try again in a moment.';
  }
}

/** What to tell someone whose institution sign-in came back with /sign-in?error=<code> (codes from the server's SsoController). */
export function ssoErrorMessage(code: string): string {
  switch (code) {
    case 'sso_state':
      return 'That sign-in took too long or was started in another browser. Try again.';
    case 'sso_deactivated':
      return 'Your CRM account has been deactivated. Ask your CRM administrator.';
    case 'sso_no_email':
      return 'Your institution did not share your email address, so the CRM cannot tell who you are. Ask your IT service.';
    case 'sso_idp':
      return 'Your institution\'s sign-in did not complete. Try again, or ask your IT service if it keeps happening.';
    default:
      return 'Sign-in with your institution did not work. Try again in a moment.';
  }
}
