import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { CreateWebhookGQL, UpdateWebhookGQL, WebhookItemFragment } from '../../../graphql/generated';
import { DialogSave } from '../../../shared/forms/dialog-save';
import { changedWebhookFields, humaniseIntegrationMessage, toCreateWebhookInput, WEBHOOK_EVENT_GROUPS, WEBHOOK_EVENTS } from '../data-access/webhook-form';

export interface WebhookDialogData {
  editing: WebhookItemFragment | null;
}

/** A new webhook comes with its signing secret (shown once); an edit with the webhook alone. */
export interface WebhookDialogResult {
  webhook: WebhookItemFragment;
  secret?: string;
}

export const WEBHOOK_DIALOG_TITLE_ID = 'webhook-dialog-title';

type Field = 'name' | 'url' | 'events' | 'active' | 'includeConfidential';
const MESSAGES: Record<Field, string> = {
  name: 'Name the receiving system, e.g. Student records',
  url: 'Enter the full address, starting https://',
  events: 'Choose at least one event',
  active: '',
  includeConfidential: '',
};

const someEvent = (control: AbstractControl<string[]>): ValidationErrors | null => (control.value.length ? null : { required: true });

/** Adds a webhook or edits one: where to POST, which events, on or paused. */
@Component({
  selector: 'bce-webhook-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatSlideToggleModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title [id]="titleId">{{ data.editing ? 'Edit ' + data.editing.name : 'Add a webhook' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-busy]="state.saving()">
      <mat-dialog-content>
        @if (state.saving()) {
          <mat-progress-bar mode="indeterminate" aria-hidden="true" />
        }
        <div aria-live="assertive" aria-atomic="true">
          @if (state.formError(); as message) {
            <p class="banner error" role="alert">{{ message }}</p>
          }
        </div>
        <mat-form-field class="wide">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" cdkFocusInitial />
          <mat-hint>The system that receives the events</mat-hint>
          <mat-error>{{ state.errorFor('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>URL</mat-label>
          <input matInput type="url" formControlName="url" required maxlength="2000" autocomplete="off" spellcheck="false" placeholder="https://" />
          <mat-hint>The CRM sends a signed POST here for each event</mat-hint>
          <mat-error>{{ state.errorFor('url') }}</mat-error>
        </mat-form-field>

        <fieldset class="events" [class.invalid]="eventsInvalid()" aria-describedby="events-error">
          <legend>Events</legend>
          <div class="event-grid">
            @for (group of groups; track group.label) {
              <div class="group" role="group" [attr.aria-label]="group.label">
                <span class="group-label" aria-hidden="true">{{ group.label }}</span>
                @for (event of group.events; track event.value) {
                  <mat-checkbox [checked]="has(event.value)" (change)="toggle(event.value, $event.checked)" [aria-label]="group.label + ' ' + event.label.toLowerCase()">
                    {{ event.label }}
                  </mat-checkbox>
                }
              </div>
            }
          </div>
          <p id="events-error" class="error-text" [attr.role]="eventsInvalid() ? 'alert' : null">{{ eventsInvalid() ? state.errorFor('events') : '' }}</p>
        </fieldset>

        <div class="switches">
          <mat-slide-toggle formControlName="active" aria-describedby="active-hint">Active</mat-slide-toggle>
          <p class="muted small toggle-hint" id="active-hint">When off, no events are sent or queued for it (a test still can be).</p>
          <mat-checkbox formControlName="includeConfidential" aria-describedby="confidential-hint">Include confidential records</mat-checkbox>
          <p class="muted small" id="confidential-hint">Left off, events about confidential records are not sent to this URL.</p>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">{{ data.editing ? 'Save' : 'Add webhook' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content { display: flex; flex-direction: column; gap: 12px; width: min(600px, 86vw); box-sizing: border-box; }
    .wide { width: 100%; }
    .banner { margin: 0; }
    .events { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 16px 0; margin: 4px 0 0; }
    .events.invalid { border-color: var(--mat-sys-error); }
    legend { padding: 0 4px; font: var(--mat-sys-label-large); }
    .event-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 4px 16px; }
    .group { display: flex; flex-direction: column; }
    .group-label { font: var(--mat-sys-title-small); margin: 4px 0 0 4px; }
    .error-text { color: var(--mat-sys-error); font: var(--mat-sys-body-small); min-height: 1.2em; margin: 4px 0 8px; }
    .switches { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; }
    .small { font: var(--mat-sys-body-small); margin: -8px 0 0 44px; }
    .toggle-hint { margin-left: 60px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDialog {
  protected readonly data = inject<WebhookDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<WebhookDialog, WebhookDialogResult>);
  private readonly createGql = inject(CreateWebhookGQL);
  private readonly updateGql = inject(UpdateWebhookGQL);

  protected readonly titleId = WEBHOOK_DIALOG_TITLE_ID;
  protected readonly groups = WEBHOOK_EVENT_GROUPS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.editing?.name ?? '', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)]],
    url: [this.data.editing?.url ?? '', [Validators.required, Validators.pattern(/^\s*https?:\/\/\S+\s*$/i), Validators.maxLength(2000)]],
    events: [this.data.editing?.events ?? [...WEBHOOK_EVENTS], [someEvent]],
    active: [this.data.editing?.active ?? true],
    includeConfidential: [this.data.editing?.includeConfidential ?? false],
  });
  protected readonly state = new DialogSave<Field>(this.form, MESSAGES, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement, humaniseIntegrationMessage);
  private readonly events = toSignal(this.form.controls.events.valueChanges, { initialValue: this.form.controls.events.value });
  private readonly status = toSignal(this.form.controls.events.statusChanges, { initialValue: this.form.controls.events.status });

  protected has(event: string): boolean {
    return this.events().includes(event);
  }

  protected eventsInvalid(): boolean {
    return this.status() === 'INVALID' && this.form.controls.events.touched;
  }

  protected toggle(event: string, checked: boolean): void {
    const events = this.form.controls.events;
    events.setValue(checked ? [...events.value.filter((e) => e !== event), event] : events.value.filter((e) => e !== event));
    events.markAsTouched();
  }

  protected save(): Promise<void> {
    return this.state.run(async () => {
      const value = this.form.getRawValue();
      const editing = this.data.editing;
      if (editing) {
        const input = changedWebhookFields(editing, value);
        if (!Object.keys(input).length) return this.ref.close({ webhook: editing });
        const saved = (await saveAnswer(this.updateGql.mutate({ variables: { id: editing.id, input } }))).data?.updateWebhook;
        if (saved) this.ref.close({ webhook: saved });
      } else {
        const created = (await saveAnswer(this.createGql.mutate({ variables: { input: toCreateWebhookInput(value) } }))).data?.createWebhook;
        if (created) this.ref.close({ webhook: created.webhook, secret: created.secret });
      }
    });
  }
}
