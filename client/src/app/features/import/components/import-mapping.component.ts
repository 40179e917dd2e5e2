import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { toApiError } from '../../../core/errors/api-error';
import { ImportBatchViewFragment, ImportRowsGQL, PreviewImportGQL, SaveImportMappingGQL } from '../../../graphql/generated';
import { fromSelectValue, mappingProblems, sampleValues, toSelectValue } from '../data-access/import-mapping';

/**
 * The MAPPING step: one line per column of the file — its header, a few values from the first
 * rows, and the field it fills (suggested by the server from the header, or a saved mapping for
 * the same headers). "Preview" starts the dry run with it; a mapping can be saved under a name.
 */
@Component({
  selector: 'bce-import-mapping',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './import-mapping.component.html',
  styleUrls: ['./import-shared.scss', './import-mapping.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportMappingComponent implements OnInit {
  private readonly rowsGql = inject(ImportRowsGQL);
  private readonly previewGql = inject(PreviewImportGQL);
  private readonly saveGql = inject(SaveImportMappingGQL);
  private readonly snackBar = inject(MatSnackBar);

  readonly batch = input.required<ImportBatchViewFragment>();
  readonly changed = output<ImportBatchViewFragment>();
  readonly cancelled = output<void>();

  protected readonly samples = signal<Array<{ cells: Array<string | null> }>>([]);
  protected readonly mapping = signal<Array<string | null>>([]);
  protected readonly problems = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly mappingName = signal('');
  protected readonly saveMessage = signal<string | null>(null);
  protected readonly requiredLabels = computed(() => this.batch().fields.filter((f) => f.required).map((f) => f.label).join(', '));
  protected readonly toSelectValue = toSelectValue;
  protected readonly sampleOf = (column: number) => sampleValues(this.samples(), column).join(', ');

  ngOnInit(): void {
    this.mapping.set([...this.batch().mapping]);
    this.rowsGql.fetch({ variables: { id: this.batch().id, first: 3 }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => this.samples.set(result.data?.importBatch.rows.edges.map((e) => e.node) ?? []),
      error: () => this.samples.set([]),
    });
  }

  protected choose(column: number, value: string): void {
    this.mapping.update((m) => m.map((f, i) => (i === column ? fromSelectValue(value) : f)));
    this.problems.set([]);
  }

  protected preview(): void {
    const found = mappingProblems(this.mapping(), this.batch().fields);
    this.problems.set(found);
    if (found.length) return;
    this.busy.set(true);
    this.previewGql.mutate({ variables: { id: this.batch().id, mapping: this.mapping() } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        if (result.data?.previewImport) this.changed.emit(result.data.previewImport);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        this.problems.set(api.fields['mapping'] ?? [api.message]);
      },
    });
  }

  protected save(): void {
    const name = this.mappingName().trim();
    if (!name) {
      this.saveMessage.set('Give the mapping a name, such as “Careers fair list”.');
      return;
    }
    this.busy.set(true);
    this.saveMessage.set(null);
    this.saveGql.mutate({ variables: { input: { entity: this.batch().entity, name, headers: this.batch().headers, mapping: this.mapping() } } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.snackBar.open(`Saved the mapping “${result.data?.saveImportMapping.name ?? name}”: a file with the same headers will start with it`, undefined, { duration: 5000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        this.saveMessage.set([...(api.fields['name'] ?? []), ...(api.fields['mapping'] ?? [])].join(' ') || api.message);
      },
    });
  }
}
