import type { AbstractControl } from '@angular/forms';
import type { ApiError } from '../../core/errors/api-error';

export interface PlacedFieldErrors<F extends string> {
  /** Message per form field, for its mat-error. */
  placed: Partial<Record<F, string>>;
  /** What the banner above the form says: messages with no field, or "Check the highlighted fields.", or the error itself. */
  banner: string;
}

/**
 * Puts a failed save's field messages (BAD_USER_INPUT `extensions.fields`) under the form's own
 * controls: `controlFor` maps a server field (e.g. "organisationId") to the form field and control
 * that shows it, or null when the form has none; those messages go in the banner instead. Each
 * control gets a `server` error and is marked touched so its mat-error shows.
 */
export function placeFieldErrors<F extends string>(
  error: ApiError,
  controlFor: (serverField: string) => { field: F; control: AbstractControl | null } | null,
  humanise: (serverField: string, message: string) => string = (_f, m) => m,
): PlacedFieldErrors<F> {
  const placed: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const [name, messages] of Object.entries(error.fields)) {
    const text = messages.map((m) => humanise(name, m)).join(' ');
    const target = controlFor(name);
    if (target) {
      target.control?.setErrors({ ...(target.control.errors ?? {}), server: true });
      target.control?.markAsTouched();
      placed[target.field] = text;
    } else {
      other.push(text);
    }
  }
  const banner = other.length ? other.join(' ') : Object.keys(placed).length ? 'Check the highlighted fields.' : error.message;
  return { placed, banner };
}
