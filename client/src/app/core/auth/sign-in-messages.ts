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
      return 'This account cannot sign in. Ask your CRM administrator.';
    case 'NETWORK':
      return error.message;
    default:
      return 'Sign-in is not available right now. Try again in a moment.';
  }
}
