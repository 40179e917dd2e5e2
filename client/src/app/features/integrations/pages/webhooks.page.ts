import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { toApiError } from '../../../core/errors/api-error';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { DeleteWebhookGQL, SendTestWebhookGQL, WebhookItemFragment, WebhooksGQL } from '../../../graphql/generated';
import { formatLocalDate } from '../../../shared/dates/dates';
import { confirmed } from '../../organisations/components/confirm-dialog.component';
import { IntegrationsTabsComponent } from '../components/integrations-tabs.component';
import { SECRET_ONCE_TITLE_ID, SecretOnceDialog, SecretOnceDialogData } from '../components/secret-once.dialog';
import { WebhookDeliveriesComponent } from '../components/webhook-deliveries.component';
import { WEBHOOK_DIALOG_TITLE_ID, WebhookDialog, WebhookDialogData, WebhookDialogResult } from '../components/webhook.dialog';
import { eventLabel, orderedEvents } from '../data-access/webhook-form';

/**
 * /settings/integrations/webhooks: URLs that get a signed POST when an organisation, engagement or
 * opportunity is created or updated, each with its delivery log.
 */
@Component({
  selector: 'bce-webhooks-page',
  imports: [MatButtonModule, MatProgressBarModule, IntegrationsTabsComponent, WebhookDeliveriesComponent],
  templateUrl: './webhooks.page.html',
  styleUrls: ['../../../shared/styles/admin-page.scss', './integrations-page.scss', './webhooks.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage {
  private readonly webhooksGql = inject(WebhooksGQL);
  private readonly deleteGql = inject(DeleteWebhookGQL);
  private readonly testGql = inject(SendTestWebhookGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly webhooks = signal<WebhookItemFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  /** The webhooks whose delivery logs are open, and a counter that makes them look again. */
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly reloadLog = signal(0);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    this.load();
  }

  protected readonly day = (iso: string) => formatLocalDate(iso);
  protected readonly events = (w: WebhookItemFragment) => orderedEvents(w.events).map(eventLabel).join(', ');

  protected add(): void {
    this.openDialog(null);
  }

  protected edit(w: WebhookItemFragment): void {
    this.openDialog(w);
  }

  protected isOpen(w: WebhookItemFragment): boolean {
    return this.open().has(w.id);
  }

  protected toggleLog(w: WebhookItemFragment): void {
    this.setOpen(w, !this.isOpen(w));
  }

  protected async sendTest(w: WebhookItemFragment): Promise<void> {
    await this.run(async () => {
      await saveAnswer(this.testGql.mutate({ variables: { id: w.id } }));
      this.setOpen(w, true);
      this.reloadLog.update((n) => n + 1);
      this.snackBar.open(`Test sent to ${w.name}: its answer shows in the delivery log`, undefined, { duration: 4000 });
    });
  }

  protected async remove(w: WebhookItemFragment): Promise<void> {
    const ok = await confirmed(this.dialog, {
      title: `Delete ${w.name}?`,
      message: `Nothing more is sent to ${w.url}; deliveries still waiting are dropped. To stop it for a while instead, edit it and turn Active off.`,
      confirmLabel: 'Delete webhook',
    });
    if (!ok) return;
    await this.run(async () => {
      await saveAnswer(this.deleteGql.mutate({ variables: { id: w.id } }));
      this.webhooks.update((list) => list.filter((x) => x.id !== w.id));
      this.setOpen(w, false);
      // Its buttons are gone with it: keep keyboard focus on the page rather than losing it.
      this.heading().nativeElement.focus();
      this.snackBar.open(`${w.name} is deleted`, undefined, { duration: 3000 });
    });
  }

  private openDialog(editing: WebhookItemFragment | null): void {
    this.banner.set(null);
    const ref = this.dialog.open<WebhookDialog, WebhookDialogData, WebhookDialogResult>(WebhookDialog, {
      data: { editing }, autoFocus: 'first-tabbable', restoreFocus: true, ariaLabelledBy: WEBHOOK_DIALOG_TITLE_ID, maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((result) => {
      if (!result) return;
      const saved = result.webhook;
      this.webhooks.update((list) => (list.some((w) => w.id === saved.id) ? list.map((w) => (w.id === saved.id ? saved : w)) : [...list, saved]));
      if (!result.secret) {
        this.snackBar.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
        return;
      }
      this.dialog.open<SecretOnceDialog, SecretOnceDialogData>(SecretOnceDialog, {
        data: {
          title: 'Webhook added',
          name: saved.name,
          label: 'Signing secret',
          noun: 'signing secret',
          secret: result.secret,
          howTo: [
            'Give it to the receiving system. Each POST carries X-BCE-Timestamp and X-BCE-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>"> made with this secret; the receiver recomputes it and refuses a mismatch.',
            'Use Send test to check the receiver answers with a 2xx.',
          ],
        },
        ariaLabelledBy: SECRET_ONCE_TITLE_ID, restoreFocus: true, disableClose: true, maxWidth: '96vw',
      });
    });
  }

  private setOpen(w: WebhookItemFragment, open: boolean): void {
    this.open.update((ids) => {
      const next = new Set(ids);
      if (open) next.add(w.id);
      else next.delete(w.id);
      return next;
    });
  }

  /** One action at a time; the buttons stay enabled so focus is not dropped while one runs. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      await work();
    } catch (error) {
      this.banner.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  private load(): void {
    this.loading.set(true);
    this.webhooksGql.fetch({ fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        this.webhooks.set(result.data?.webhooks ?? []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }
}
