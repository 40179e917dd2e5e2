import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, inject, Injector, input, signal } from '@angular/core';
import { TextFieldModule } from '@angular/cdk/text-field';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { AnswerAssessmentGQL, MaturityWizardGQL, MaturityWizardQuery } from '../../../graphql/generated';
import { LEVELS, levelLabel } from '../data-access/levels';
import {
  allStatementKeys, changedAnswers, Draft, draftFrom, progressOf, progressPercent, progressText, resumeStep, shortDescriptor, wizardCommandFor, wizardSteps,
} from '../data-access/wizard.model';

type Assessment = NonNullable<MaturityWizardQuery['assessment']>;

const TIME = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' });

/**
 * /maturity/:id/answer: the self-assessment, one JISC section a step. Each dimension shows its three
 * level descriptors above its statements; each statement is a radio group of the levels (arrow keys
 * move between them) with an optional evidence note. Only this person's changed answers are sent,
 * on Save, Ctrl+S and every step change; they resume where they left off.
 */
@Component({
  selector: 'bce-maturity-wizard-page',
  imports: [RouterLink, TextFieldModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatRadioModule],
  templateUrl: './wizard.page.html',
  styleUrl: './wizard.page.scss',
  host: { '(document:keydown)': 'keydown($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WizardPage {
  readonly id = input.required<string>();

  private readonly wizardGql = inject(MaturityWizardGQL);
  private readonly answerGql = inject(AnswerAssessmentGQL);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthService);

  protected readonly assessment = signal<Assessment | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly banner = signal<string | null>(null);
  private readonly saved = signal<Draft>({});
  protected readonly draft = signal<Draft>({});
  protected readonly stepIndex = signal(0);
  protected readonly saving = signal(false);
  /** Read out politely by screen readers: "Saving…", "Saved 4 answers at 14:03". */
  protected readonly saveStatus = signal('');

  protected readonly levels = LEVELS;
  protected readonly readOnly = computed(() => this.assessment()?.status === 'completed');
  protected readonly steps = computed(() => {
    const a = this.assessment();
    return a ? wizardSteps(a.framework) : [];
  });
  protected readonly step = computed(() => this.steps()[this.stepIndex()] ?? null);
  protected readonly stepProgress = computed(() => this.steps().map((s) => progressOf(s.statementKeys, this.draft())));
  protected readonly overall = computed(() => {
    const a = this.assessment();
    return progressOf(a ? allStatementKeys(a.framework) : [], this.draft());
  });
  protected readonly unsaved = computed(() => changedAnswers(this.saved(), this.draft()).length);
  protected readonly isLead = computed(() => this.assessment()?.lead?.id === this.auth.user()?.id || this.auth.isAdmin());

  protected readonly percent = progressPercent;
  protected readonly progressText = progressText;
  protected readonly short = shortDescriptor;

  constructor() {
    afterNextRender(() => this.load());
    inject(DestroyRef).onDestroy(() => {
      // Leaving the page keeps what was chosen: the request outlives the component.
      const answers = changedAnswers(this.saved(), this.draft());
      if (answers.length && !this.readOnly()) this.answerGql.mutate({ variables: { input: { assessmentId: this.id(), answers } } }).subscribe({ error: () => undefined });
    });
  }

  protected levelName(level: (typeof LEVELS)[number]): string {
    return levelLabel(level, this.assessment()?.framework.levels ?? []);
  }

  protected load(): void {
    if (!this.auth.canWrite()) {
      // Viewers do not answer: the results are theirs to read.
      void this.router.navigate(['/maturity', this.id()], { replaceUrl: true });
      return;
    }
    this.loading.set(true);
    this.wizardGql.fetch({ variables: { id: this.id() }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        const a = result.data?.assessment ?? null;
        if (!a) {
          this.error.set('This assessment does not exist, or has been archived.');
          return;
        }
        const draft = draftFrom(a.myAnswers);
        this.assessment.set(a);
        this.saved.set(draft);
        this.draft.set(draft);
        this.stepIndex.set(resumeStep(wizardSteps(a.framework), draft));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(error).message);
      },
    });
  }

  protected setLevel(statementKey: string, level: number): void {
    this.draft.update((d) => ({ ...d, [statementKey]: { level, evidence: d[statementKey]?.evidence ?? '' } }));
    this.saveStatus.set('Unsaved changes');
  }

  protected setEvidence(statementKey: string, evidence: string): void {
    this.draft.update((d) => ({ ...d, [statementKey]: { level: d[statementKey]?.level ?? null, evidence } }));
  }

  /** Sends the answers changed since the last save; true when nothing is left unsaved. */
  protected async save(): Promise<boolean> {
    if (this.readOnly() || this.saving()) return !this.saving();
    const sent = this.draft();
    const answers = changedAnswers(this.saved(), sent);
    if (!answers.length) {
      this.saveStatus.set('All answers saved');
      return true;
    }
    this.saving.set(true);
    this.saveStatus.set('Saving…');
    try {
      await firstValueFrom(this.answerGql.mutate({ variables: { input: { assessmentId: this.id(), answers } } }));
      this.saved.set(sent);
      this.saveStatus.set(`Saved ${answers.length} answer${answers.length === 1 ? '' : 's'} at ${TIME.format(new Date())}`);
      return true;
    } catch (error) {
      const api = toApiError(error);
      this.saveStatus.set('Not saved');
      if (api.code === 'CONFLICT') {
        this.banner.set(`${api.message} It has been reloaded as it is now.`);
        this.load();
      } else {
        this.banner.set(`Your answers were not saved: ${api.message}`);
      }
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  protected async goTo(index: number): Promise<void> {
    if (index < 0 || index >= this.steps().length || index === this.stepIndex()) return;
    void this.save();
    this.stepIndex.set(index);
    afterNextRender({ write: () => document.getElementById('step-heading')?.focus() }, { injector: this.injector });
  }

  protected async finish(): Promise<void> {
    if (await this.save()) await this.router.navigate(['/maturity', this.id()]);
  }

  protected keydown(event: KeyboardEvent): void {
    const command = wizardCommandFor(event);
    if (!command || !this.assessment()) return;
    event.preventDefault();
    if (command === 'save') void this.save();
    if (command === 'next') void this.goTo(this.stepIndex() + 1);
    if (command === 'back') void this.goTo(this.stepIndex() - 1);
  }
}
