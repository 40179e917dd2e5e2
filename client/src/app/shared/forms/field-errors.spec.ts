import type { AbstractControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../core/errors/api-error';
import { placeFieldErrors } from './field-errors';

/** Just what placeFieldErrors uses of a form control (the unit tests run without Angular's compiler). */
function fakeControl() {
  const control = {
    errors: null as Record<string, unknown> | null,
    touched: false,
    setErrors(errors: Record<string, unknown> | null) { control.errors = errors; },
    markAsTouched() { control.touched = true; },
  };
  return control;
}

const error = (fields: Record<string, string[]>): ApiError => ({ code: 'BAD_USER_INPUT', message: 'Invalid input', fields });

describe('placeFieldErrors', () => {
  it('puts each message under the control the form shows it in, and marks that control', () => {
    const organisation = fakeControl();
    const result = placeFieldErrors(error({ organisationId: ['organisationId must be an organisation id'] }), (name) =>
      name === 'organisationId' ? { field: 'organisation', control: organisation as unknown as AbstractControl } : null,
      (_name, m) => m.replace(/^organisationId/, 'The organisation'));
    expect(result).toEqual({ placed: { organisation: 'The organisation must be an organisation id' }, banner: 'Check the highlighted fields.' });
    expect(organisation.errors).toEqual({ server: true });
    expect(organisation.touched).toBe(true);
  });

  it('puts messages the form has no field for in the banner, and falls back to the error itself', () => {
    expect(placeFieldErrors(error({ ownerId: ['ownerId is not a user'] }), () => null).banner).toBe('ownerId is not a user');
    expect(placeFieldErrors(error({}), () => null)).toEqual({ placed: {}, banner: 'Invalid input' });
  });
});
