import { firstValueFrom, Observable, throwError, timeout } from 'rxjs';

/** How long a save may go unanswered before the form says so. */
export const SAVE_TIMEOUT_MS = 20_000;

/** A save the server did not answer in time: it may or may not have been applied. */
export class SaveTimeoutError extends Error {
  override readonly name = 'SaveTimeoutError';
  constructor(readonly ms: number) {
    super(`The server has not answered in ${Math.round(ms / 1000)} seconds. Check whether it was saved before you try again.`);
  }
}

/**
 * A mutation's answer, or a SaveTimeoutError once `ms` pass without one, so a dialog never waits
 * silently with its button pressed (a busy server, a dropped connection).
 */
export function saveAnswer<T>(source: Observable<T>, ms: number = SAVE_TIMEOUT_MS): Promise<T> {
  return firstValueFrom(source.pipe(timeout({ first: ms, with: () => throwError(() => new SaveTimeoutError(ms)) })));
}
