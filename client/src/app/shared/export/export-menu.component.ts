import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SessionStore } from '../../core/auth/session.store';
import { downloadServerExport, ServerExport, serverExportUrl } from './server-export';
import { ExportColumn, ExportFormat, exportTable } from './table-export';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An "Export" button whose menu downloads CSV or Excel: either the rows it is given (a report's
 * table), or — with `server` — every row a list's filters match, made by the server.
 *
 * ```html
 * <bce-export-menu [rows]="rows()" [columns]="columns" fileName="pipeline-by-stage-2025-26" what="pipeline by stage" />
 * <bce-export-menu [server]="{ list: 'organisations', args: variables() }" [count]="totalCount()" fileName="organisations" what="organisations" />
 * ```
 */
@Component({
  selector: 'bce-export-menu',
  imports: [MatButtonModule, MatMenuModule],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" [disabled]="empty() || busy()" [attr.aria-label]="buttonLabel()" [attr.aria-busy]="busy()">
      {{ busy() ? 'Exporting…' : 'Export' }}
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <button mat-menu-item type="button" (click)="download('csv')">CSV (.csv)</button>
      <button mat-menu-item type="button" (click)="download('xlsx')">Excel (.xlsx)</button>
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenuComponent<T> {
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(SessionStore);

  readonly rows = input<readonly T[]>([]);
  readonly columns = input<readonly ExportColumn<T>[]>([]);
  /** Export on the server: all matching rows of this list with these arguments (rows and columns are then not used). */
  readonly server = input<ServerExport | null>(null);
  /** With `server`: how many rows match (the list's totalCount), so an empty list cannot be exported. */
  readonly count = input<number | null>(null);
  /** Without the extension, e.g. exportFileName('Pipeline by stage', '2025/26'). */
  readonly fileName = input.required<string>();
  /** What is exported, for screen readers: the button reads "Export pipeline by stage". */
  readonly what = input('');
  /** The XLSX worksheet's name; defaults to `what`. */
  readonly sheetName = input('');

  protected readonly busy = signal(false);
  protected readonly empty = computed(() => (this.server() ? this.count() === 0 : !this.rows().length));
  protected readonly buttonLabel = computed(() => {
    const what = this.what() ? `Export ${this.what()}` : 'Export';
    const count = this.count();
    return this.server() && count ? `${what} (${count.toLocaleString('en-GB')} ${count === 1 ? 'row' : 'rows'})` : what;
  });

  protected async download(format: ExportFormat): Promise<void> {
    this.busy.set(true);
    try {
      const server = this.server();
      if (server) {
        await downloadServerExport(serverExportUrl(server, format), this.session.token(), `${this.fileName()}.${format}`);
      } else {
        await exportTable(format, {
          rows: this.rows(),
          columns: this.columns(),
          fileName: this.fileName(),
          sheetName: this.sheetName() || capitalise(this.what()) || undefined,
        });
      }
    } catch (error) {
      console.error(error);
      const reason = this.server() && error instanceof Error ? error.message : 'The export could not be made. Try again, or choose the other format.';
      this.snackBar.open(reason, 'Dismiss');
    } finally {
      this.busy.set(false);
    }
  }
}
