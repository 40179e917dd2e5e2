import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router } from '@angular/router';
import { toApiError } from '../../../core/errors/api-error';
import { ImportEntity, StartImportGQL } from '../../../graphql/generated';
import { IMPORT_ENTITY_LABELS } from '../../../shared/labels/import-labels';
import { optionsOf } from '../../../shared/labels/enum-labels';
import { formatFileSize } from '../../../shared/numbers/numbers';
import { IMPORT_FILE_ACCEPT, importFileProblem } from '../data-access/import-file';

/**
 * The "New import" panel: what the rows describe, the file (picked or dropped), then the upload
 * as a GraphQL multipart request. The file is checked here first so a wrong or oversized one is
 * refused at once, naming it; the server checks it again by its bytes.
 */
@Component({
  selector: 'bce-new-import',
  imports: [FormsModule, MatButtonModule, MatProgressBarModule, MatRadioModule],
  template: `
    <section class="panel new-import" aria-labelledby="new-import-title">
      <h2 id="new-import-title">New import</h2>
      <form (ngSubmit)="upload()" novalidate>
        <p id="entity-label" class="question">What does each row describe?</p>
        <mat-radio-group aria-labelledby="entity-label" name="entity" [(ngModel)]="entityValue" class="entities">
          @for (option of entities; track option.value) {
            <mat-radio-button [value]="option.value">{{ option.label }}</mat-radio-button>
          }
        </mat-radio-group>

        <div class="drop-zone" [class.dragging]="dragging()" (dragover)="dragOver($event)" (dragleave)="dragging.set(false)" (drop)="drop($event)">
          <label for="import-file" class="file-label">Spreadsheet (CSV or XLSX, up to 50 MB)</label>
          <input id="import-file" type="file" [accept]="accept" (change)="picked($event)" aria-describedby="drop-hint" />
          <p id="drop-hint" class="muted">Choose a file, or drop it here.</p>
          @if (file(); as f) {
            <p class="chosen">{{ f.name }} · {{ size(f.size) }}</p>
          }
        </div>

        @if (problem(); as message) {
          <div class="banner error" role="alert"><p>{{ message }}</p></div>
        }
        @if (uploading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Uploading the file" />
        }
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="uploading()">Upload and read the rows</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .question {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .entities {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin-bottom: 12px;
    }
    .drop-zone {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      margin-bottom: 12px;
      &.dragging {
        border-color: var(--mat-sys-primary);
        background: var(--mat-sys-primary-container);
      }
      p {
        margin: 0;
      }
    }
    .file-label {
      font: var(--mat-sys-title-small);
    }
    .chosen {
      font-weight: 600;
    }
    .actions {
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewImportComponent {
  private readonly startGql = inject(StartImportGQL);
  private readonly router = inject(Router);

  protected readonly entities = optionsOf(IMPORT_ENTITY_LABELS);
  protected readonly accept = IMPORT_FILE_ACCEPT;
  protected entityValue: ImportEntity = 'ORGANISATIONS';
  protected readonly file = signal<File | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly uploading = signal(false);
  protected readonly dragging = signal(false);
  protected readonly size = formatFileSize;

  protected picked(event: Event): void {
    this.choose((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.choose(event.dataTransfer?.files?.[0] ?? null);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) {
      this.problem.set('Choose a CSV or XLSX file to import.');
      return;
    }
    if (this.problem()) return;
    this.uploading.set(true);
    this.startGql
      .mutate({
        variables: { file, entity: this.entityValue },
        // Multipart (the GraphQL upload spec); the header passes Apollo's CSRF protection, which
        // refuses a multipart request a plain HTML form could have sent.
        context: { useMultipart: true, headers: { 'apollo-require-preflight': 'true' } },
      })
      .subscribe({
        next: (result) => {
          this.uploading.set(false);
          const id = result.data?.startImport.id;
          if (id) void this.router.navigate(['/import', id]);
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          const api = toApiError(error);
          // "Importing contacts is not available yet" (entity) or the file's problem: the server's words.
          this.problem.set([...(api.fields['entity'] ?? []), ...(api.fields['file'] ?? [])].join(' ') || api.message);
        },
      });
  }

  private choose(file: File | null): void {
    this.file.set(file);
    this.problem.set(file ? importFileProblem(file) : null);
  }
}
