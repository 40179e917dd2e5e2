import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { MaturityFrameworkCurrentGQL, MaturityFrameworkFragment, UpdateAssessmentFrameworkGQL } from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';
import { DimensionEdit, dimensionEdits, toFrameworkInput } from '../data-access/framework-edit';
import { LEVELS, levelLabel } from '../data-access/levels';

/**
 * /maturity/framework (admins): the current framework version, and an editor for its level
 * descriptors and recommendations. Saving makes the next version; assessments keep theirs.
 */
@Component({
  selector: 'bce-maturity-framework-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './framework.page.html',
  styleUrl: './framework.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkPage {
  private readonly currentGql = inject(MaturityFrameworkCurrentGQL);
  private readonly updateGql = inject(UpdateAssessmentFrameworkGQL);

  protected readonly framework = signal<MaturityFrameworkFragment | null>(null);
  protected readonly edits = signal<DimensionEdit[]>([]);
  protected readonly editing = signal(false);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly banner = signal<{ kind: 'info' | 'error'; text: string } | null>(null);
  protected readonly levels = LEVELS;
  protected readonly dateTime = formatDateTime;

  constructor() {
    this.load();
  }

  protected levelName(level: (typeof LEVELS)[number]): string {
    return levelLabel(level, this.framework()?.levels ?? []);
  }

  protected load(): void {
    this.loading.set(true);
    this.currentGql.fetch({ fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        const f = result.data?.assessmentFramework ?? null;
        this.framework.set(f);
        this.edits.set(f ? dimensionEdits(f) : []);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set({ kind: 'error', text: toApiError(error).message });
      },
    });
  }

  protected edit(key: string, field: keyof Omit<DimensionEdit, 'key'>, value: string): void {
    this.edits.update((all) => all.map((e) => (e.key === key ? { ...e, [field]: value } : e)));
  }

  protected cancel(): void {
    const f = this.framework();
    this.edits.set(f ? dimensionEdits(f) : []);
    this.editing.set(false);
  }

  protected async save(): Promise<void> {
    const f = this.framework();
    if (!f || this.saving()) return;
    this.saving.set(true);
    this.banner.set(null);
    try {
      const result = await firstValueFrom(this.updateGql.mutate({ variables: { expectedVersion: f.version, input: toFrameworkInput(f, this.edits()) } }));
      const saved = result.data?.updateAssessmentFramework;
      if (saved) {
        this.framework.set(saved);
        this.edits.set(dimensionEdits(saved));
      }
      this.editing.set(false);
      this.banner.set({ kind: 'info', text: `Saved as version ${saved?.version}. New assessments use it; those already started keep their version.` });
    } catch (error) {
      const api = toApiError(error);
      if (api.code === 'CONFLICT') {
        this.banner.set({ kind: 'error', text: `${api.message} Someone saved a newer version: it has been loaded, and your edits were not saved.` });
        this.editing.set(false);
        this.load();
      } else {
        this.banner.set({ kind: 'error', text: Object.values(api.fields).flat().join(' ') || api.message });
      }
    } finally {
      this.saving.set(false);
    }
  }
}
