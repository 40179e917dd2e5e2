import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { SessionStore } from '../../../core/auth/session.store';
import { downloadFullExport, formatBytes } from '../../../shared/export/full-export';

/** /settings/export: everything the CRM holds, one workbook, for the admin (backups, subject-access work, leaving the system). */
@Component({
  selector: 'bce-data-export-page',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <h1>Export all data</h1>
    <p>
      One Excel workbook with a sheet for each kind of record: organisations, contacts, affiliations, consent records, engagements,
      opportunities, tasks, departments and users (never their passwords). Archived records are included; their deleted_at column says when
      they were archived. The export is recorded in the audit trail.
    </p>
    <p class="warning">It holds personal data: keep the file somewhere safe and delete it when you are done.</p>
    <button mat-flat-button type="button" (click)="start()" [disabled]="busy()" [attr.aria-busy]="busy()">
      {{ busy() ? 'Exporting…' : 'Export all data (.xlsx)' }}
    </button>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" aria-hidden="true" />
    }
    <p role="status" aria-live="polite">{{ status() }}</p>
  `,
  styles: `
    :host { display: block; max-width: 720px; }
    .warning { font-weight: 500; }
    mat-progress-bar { margin-top: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataExportPage {
  private readonly session = inject(SessionStore);
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  protected async start(): Promise<void> {
    this.busy.set(true);
    this.status.set('Preparing the workbook…');
    try {
      await downloadFullExport(this.session.token(), (bytes) => this.status.set(`Exporting… ${formatBytes(bytes)} received`));
      this.status.set('Done: the workbook is in your downloads.');
    } catch (error) {
      this.status.set(error instanceof Error ? error.message : 'The export could not be made. Try again.');
    } finally {
      this.busy.set(false);
    }
  }
}
