import { NEVER, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';
import { saveAnswer, SaveTimeoutError } from './save-timeout';

describe('saveAnswer', () => {
  it('gives the first answer when the server answers', async () => {
    await expect(saveAnswer(of({ data: 1 }), 50)).resolves.toEqual({ data: 1 });
  });

  it('fails with a message a person can act on when the server does not answer', async () => {
    const error = await saveAnswer(NEVER, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveTimeoutError);
    expect(toApiError(error)).toEqual({
      code: 'TIMEOUT', fields: {}, message: 'The server has not answered in 0 seconds. Check whether it was saved before you try again.',
    });
    expect(new SaveTimeoutError(20_000).message).toMatch(/^The server has not answered in 20 seconds\./);
  });
});
