import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toApiError } from '../../../core/errors/api-error';
import { RedeliverWebhookGQL, WebhookDeliveriesGQL, WebhookDeliveryItemFragment } from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';
import { deliveryResponseText, deliveryStatusText, eventLabel, nextRetryText } from '../data-access/webhook-form';

/**
 * While a delivery is due within this long, the log looks again by itself (a test just sent). It
 * covers the worker's lease: a delivery being sent reads as due again about a minute ahead.
 */
const SOON_MS = 70_000;
const POLL_MS = 2_000;
const MAX_POLLS = 15;

/** One webhook's delivery log, newest first: status, attempts, next retry, the last answer, and "send again". */
@Component({
  selector: 'bce-webhook-deliveries',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <div class="head">
      <h3 [id]="headingId()">Deliveries to {{ webhookName() }}</h3>
      <button mat-button type="button" (click)="load()" [disabled]="loading()">Refresh</button>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading deliveries" />
    }
    @if (error(); as message) {
      <p class="banner error" role="alert">{{ message }}</p>
    }
    @if (loaded() && !deliveries().length) {
      <p class="empty-note">No deliveries yet. They appear here when a subscribed record changes; use <em>Send test</em> to check the receiver answers.</p>
    }
    @if (deliveries().length) {
      <table class="deliveries" [attr.aria-labelledby]="headingId()">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Next retry</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (d of deliveries(); track d.id) {
            <tr>
              <td>{{ time(d.createdAt) }}</td>
              <td>{{ event(d.event) }}</td>
              <td><span class="badge" [class]="'status-' + d.status">{{ status(d) }}</span></td>
              <td>{{ d.attempts }}</td>
              <td>
                {{ response(d) }}
                @if (d.deliveredAt) {
                  <span class="muted block">Delivered {{ time(d.deliveredAt) }}</span>
                }
              </td>
              <td>{{ nextRetry(d) }}</td>
              <td class="actions">
                @if (d.status !== 'pending') {
                  <button mat-button type="button" (click)="redeliver(d)" [disabled]="loading()" [attr.aria-label]="'Send again: ' + event(d.event) + ' at ' + time(d.createdAt)">Send again</button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host { display: block; }
    .head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
    h3 { font: var(--mat-sys-title-small); margin: 8px 0; }
    .deliveries { width: 100%; border-collapse: collapse; font: var(--mat-sys-body-medium); }
    th, td { text-align: left; vertical-align: top; padding: 6px 12px 6px 0; border-top: 1px solid var(--mat-sys-outline-variant); }
    thead th { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); border-top: 0; }
    .block { display: block; font: var(--mat-sys-body-small); }
    .status-delivered { border-color: var(--mat-sys-primary); color: var(--mat-sys-primary); }
    .status-failed { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); border-color: transparent; }
    .actions { text-align: right; white-space: nowrap; }
    .banner { margin: 8px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDeliveriesComponent {
  private readonly deliveriesGql = inject(WebhookDeliveriesGQL);
  private readonly redeliverGql = inject(RedeliverWebhookGQL);

  readonly webhookId = input.required<string>();
  readonly webhookName = input.required<string>();
  /** Bumped by the page to make the log look again (after "Send test"). */
  readonly reload = input(0);

  protected readonly deliveries = signal<WebhookDeliveryItemFragment[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly headingId = () => `deliveries-${this.webhookId()}`;
  private polls = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      this.reload();
      this.webhookId();
      untracked(() => {
        this.polls = 0;
        this.load();
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected readonly time = (iso: string | null | undefined) => formatDateTime(iso);
  protected readonly event = eventLabel;
  protected readonly status = deliveryStatusText;
  protected readonly response = deliveryResponseText;
  protected readonly nextRetry = nextRetryText;

  load(): void {
    clearTimeout(this.timer);
    this.loading.set(true);
    this.deliveriesGql.fetch({ variables: { webhookId: this.webhookId(), limit: 50 }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.error.set(null);
        this.deliveries.set(result.data?.webhookDeliveries ?? []);
        this.pollIfDueSoon();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(error).message);
      },
    });
  }

  protected redeliver(d: WebhookDeliveryItemFragment): void {
    this.loading.set(true);
    this.redeliverGql.mutate({ variables: { deliveryId: d.id } }).subscribe({
      next: () => {
        this.polls = 0;
        this.load();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(error).message);
      },
    });
  }

  /** A delivery due now or being sent (a test, a redelivery) is worth watching; a retry in half an hour is not. */
  private pollIfDueSoon(): void {
    const soon = this.deliveries().some((d) => d.status === 'pending' && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) - Date.now() < SOON_MS));
    if (soon && this.polls < MAX_POLLS) {
      this.polls++;
      this.timer = setTimeout(() => this.load(), POLL_MS);
    }
  }
}
