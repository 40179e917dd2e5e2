import { signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { toApiError } from '../../core/errors/api-error';
import { placeFieldErrors } from './field-errors';

/**
 * The save flow the small settings dialogs share: refuse an invalid form (highlighting it and
 * focusing the first bad field), run the mutation, and put a refusal's field messages under the
 * fields the server named (the last part of its path, e.g. "input.code" → code) or in the banner.
 */
export class DialogSave<F extends string> {
  readonly saving = signal(false);
  readonly formError = signal<string | null>(null);
  private readonly serverErrors = signal<Partial<Record<F, string>>>({});

  constructor(
    private readonly form: FormGroup,
    private readonly messages: Record<F, string>,
    private readonly host: HTMLElement,
    /** Rewords a server message for its field ("url must…" → "The URL must…"). */
    private readonly humanise: (serverField: string, message: string) => string = (_f, m) => m,
  ) {}

  /** The server's message for the field when it refused it, else the form's own. */
  errorFor(field: F): string {
    return this.serverErrors()[field] ?? this.messages[field];
  }

  async run(work: () => Promise<void>): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    this.serverErrors.set({});
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Check the highlighted fields.');
      queueMicrotask(() => this.host.querySelector<HTMLElement>('input.ng-invalid, select.ng-invalid, mat-select.ng-invalid')?.focus());
      return;
    }
    this.saving.set(true);
    try {
      await work();
    } catch (error) {
      const { placed, banner } = placeFieldErrors<F>(toApiError(error), (path) => {
        const field = path.split('.').pop() as F;
        return field in this.messages ? { field, control: this.form.get(field) as AbstractControl | null } : null;
      }, this.humanise);
      this.serverErrors.set(placed);
      this.formError.set(banner);
    } finally {
      this.saving.set(false);
    }
  }
}
