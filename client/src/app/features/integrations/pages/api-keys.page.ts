import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { forkJoin } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { saveAnswer } from '../../../core/errors/save-timeout';
import { ApiKeyItemFragment, ApiKeysGQL, DepartmentSettingFragment, DepartmentSettingsGQL, RevokeApiKeyGQL } from '../../../graphql/generated';
import { formatDateTime, formatLocalDate } from '../../../shared/dates/dates';
import { labelOf, ROLE_LABELS } from '../../../shared/labels/enum-labels';
import { confirmed } from '../../organisations/components/confirm-dialog.component';
import { API_KEY_DIALOG_TITLE_ID, ApiKeyDialog, ApiKeyDialogData, ApiKeyDialogResult } from '../components/api-key.dialog';
import { IntegrationsTabsComponent } from '../components/integrations-tabs.component';
import { SECRET_ONCE_TITLE_ID, SecretOnceDialog, SecretOnceDialogData } from '../components/secret-once.dialog';
import { apiKeyStatus, apiKeyStatusText, sortApiKeys } from '../data-access/api-key-form';

/**
 * /settings/integrations/api-keys: keys that let another system (student records, finance, a
 * reporting tool) call the GraphQL API with a role. A key is shown once, expires, and can be revoked.
 */
@Component({
  selector: 'bce-api-keys-page',
  imports: [MatButtonModule, MatProgressBarModule, IntegrationsTabsComponent],
  templateUrl: './api-keys.page.html',
  styleUrls: ['../../../shared/styles/admin-page.scss', './integrations-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeysPage {
  private readonly keysGql = inject(ApiKeysGQL);
  private readonly departmentsGql = inject(DepartmentSettingsGQL);
  private readonly revokeGql = inject(RevokeApiKeyGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  private readonly list = signal<ApiKeyItemFragment[]>([]);
  protected readonly keys = computed(() => sortApiKeys(this.list()));
  protected readonly departments = signal<DepartmentSettingFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  private readonly departmentNames = computed(() => new Map(this.departments().map((d) => [d.id, d.name])));

  constructor() {
    this.load();
  }

  protected readonly roleLabel = (k: ApiKeyItemFragment) => labelOf(ROLE_LABELS, k.role);
  protected readonly day = (iso: string | null | undefined) => formatLocalDate(iso);
  protected readonly lastUsed = (k: ApiKeyItemFragment) => formatDateTime(k.lastUsedAt, 'Never');
  protected readonly status = (k: ApiKeyItemFragment) => apiKeyStatus(k);
  protected readonly statusText = (k: ApiKeyItemFragment) => apiKeyStatusText(k);

  protected departmentsOf(k: ApiKeyItemFragment): string {
    return k.departmentIds.map((id) => this.departmentNames().get(id) ?? 'an archived department').join(', ');
  }

  protected create(): void {
    this.banner.set(null);
    const ref = this.dialog.open<ApiKeyDialog, ApiKeyDialogData, ApiKeyDialogResult>(ApiKeyDialog, {
      data: { departments: this.departments() }, autoFocus: 'first-tabbable', restoreFocus: true, ariaLabelledBy: API_KEY_DIALOG_TITLE_ID, maxWidth: '96vw',
    });
    ref.afterClosed().subscribe((created) => {
      if (!created) return;
      this.list.update((list) => [created.apiKey, ...list.filter((k) => k.id !== created.apiKey.id)]);
      this.dialog.open<SecretOnceDialog, SecretOnceDialogData>(SecretOnceDialog, {
        data: {
          title: 'API key created',
          name: created.apiKey.name,
          label: 'API key',
          noun: 'API key',
          secret: created.key,
          howTo: [
            'Put it in the other system\'s settings and send it with each request to /graphql as the header Authorization: Bearer <key> (or X-API-Key: <key>).',
            `It acts as ${labelOf(ROLE_LABELS, created.apiKey.role).toLowerCase()} until ${formatLocalDate(created.apiKey.expiresAt)}, or until you revoke it.`,
          ],
        },
        ariaLabelledBy: SECRET_ONCE_TITLE_ID, restoreFocus: true, disableClose: true, maxWidth: '96vw',
      });
    });
  }

  protected async revoke(k: ApiKeyItemFragment): Promise<void> {
    const ok = await confirmed(this.dialog, {
      title: `Revoke ${k.name}?`,
      message: `Anything using ${k.prefix}… is refused from its next request. This cannot be undone: to reconnect, create a new key.`,
      confirmLabel: 'Revoke key',
    });
    if (!ok || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const revoked = (await saveAnswer(this.revokeGql.mutate({ variables: { id: k.id } }))).data?.revokeApiKey;
      if (revoked) {
        this.list.update((list) => list.map((x) => (x.id === revoked.id ? revoked : x)));
        this.snackBar.open(`${revoked.name} is revoked`, undefined, { duration: 3000 });
        // Its Revoke button is gone: focus moves to the key's row rather than being lost.
        setTimeout(() => document.getElementById(`key-${revoked.id}`)?.focus());
      }
    } catch (error) {
      this.banner.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  private load(): void {
    this.loading.set(true);
    forkJoin([this.keysGql.fetch({ fetchPolicy: 'network-only' }), this.departmentsGql.fetch({ fetchPolicy: 'network-only' })]).subscribe({
      next: ([keys, departments]) => {
        this.loading.set(false);
        this.list.set(keys.data?.apiKeys ?? []);
        this.departments.set(departments.data?.departments ?? []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }
}
