import type { ApiError } from '../../core/errors/api-error';

/** What a record form does with a failed save. */
export type SaveErrorAction =
  | { kind: 'fields' } // messages go under the fields they name
  | { kind: 'conflict' } // someone else saved first: offer to reload their version
  | { kind: 'signedOut' } // the session ended: the error link has already gone to sign-in
  | { kind: 'banner'; message: string };

/**
 * The one routing of save errors the record forms share. `records` names what the form edits
 * ("organisations"), `gone` says that the record no longer exists, in the form's own words.
 */
export function saveErrorAction(error: ApiError, words: { records: string; gone: string }): SaveErrorAction {
  switch (error.code) {
    case 'CONFLICT':
      // A unique value taken (e.g. a Companies House number) is a CONFLICT that names its field.
      return Object.keys(error.fields).length ? { kind: 'fields' } : { kind: 'conflict' };
    case 'BAD_USER_INPUT':
      return { kind: 'fields' };
    case 'UNAUTHENTICATED':
      return { kind: 'signedOut' };
    case 'FORBIDDEN':
      return { kind: 'banner', message: `Your role cannot change ${words.records}. Ask a manager or admin.` };
    case 'NOT_FOUND':
      return { kind: 'banner', message: words.gone };
    default:
      return { kind: 'banner', message: `${error.message} Your changes are still here.` };
  }
}
