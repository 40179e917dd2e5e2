import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ExportColumn, ExportFormat, exportTable } from './table-export';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An "Export" button whose menu downloads the rows as CSV or Excel.
 *
 * ```html
 * <bce-export-menu [rows]="rows()" [columns]="columns" fileName="pipeline-by-stage-2025-26" what="pipeline by stage" />
 * ```
 */
@Component({
  selector: 'bce-export-menu',
  imports: [MatButtonModule, MatMenuModule],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" [disabled]="!rows().length || busy()" [attr.aria-label]="buttonLabel()">
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

  readonly rows = input.required<readonly T[]>();
  readonly columns = input.required<readonly ExportColumn<T>[]>();
  /** Without the extension, e.g. exportFileName('Pipeline by stage', '2025/26'). */
  readonly fileName = input.required<string>();
  /** What is exported, for screen readers: the button reads "Export pipeline by stage". */
  readonly what = input('');
  /** The XLSX worksheet's name; defaults to `what`. */
  readonly sheetName = input('');

  protected readonly busy = signal(false);
  protected readonly buttonLabel = computed(() => (this.what() ? `Export ${this.what()}` : 'Export'));

  protected async download(format: ExportFormat): Promise<void> {
    this.busy.set(true);
    try {
      await exportTable(format, {
        rows: this.rows(),
        columns: this.columns(),
        fileName: this.fileName(),
        sheetName: this.sheetName() || capitalise(this.what()) || undefined,
      });
    } catch (error) {
      console.error(error);
      this.snackBar.open('The export could not be made. Try again, or choose the other format.', 'Dismiss');
    } finally {
      this.busy.set(false);
    }
  }
}
