import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../core/errors/api-error';
import { saveErrorAction } from './save-error';

const words = { records: 'contacts', gone: 'This person no longer exists.' };
const error = (code: ApiError['code'], fields: ApiError['fields'] = {}): ApiError => ({ code, message: 'The server said no.', fields });

describe('saveErrorAction', () => {
  it('puts field messages under their fields, even when a unique value is a CONFLICT', () => {
    expect(saveErrorAction(error('BAD_USER_INPUT', { email: ['taken'] }), words)).toEqual({ kind: 'fields' });
    expect(saveErrorAction(error('CONFLICT', { companiesHouseNumber: ['taken'] }), words)).toEqual({ kind: 'fields' });
  });

  it('offers a reload when someone else saved first', () => {
    expect(saveErrorAction(error('CONFLICT'), words)).toEqual({ kind: 'conflict' });
  });

  it('says what went wrong in the form’s own words, and keeps the changes', () => {
    expect(saveErrorAction(error('FORBIDDEN'), words)).toEqual({ kind: 'banner', message: 'Your role cannot change contacts. Ask a manager or admin.' });
    expect(saveErrorAction(error('NOT_FOUND'), words)).toEqual({ kind: 'banner', message: 'This person no longer exists.' });
    expect(saveErrorAction(error('NETWORK'), words)).toEqual({ kind: 'banner', message: 'The server said no. Your changes are still here.' });
    expect(saveErrorAction(error('UNAUTHENTICATED'), words)).toEqual({ kind: 'signedOut' });
  });
});
