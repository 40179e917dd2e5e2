import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormArray, FormsModule, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { problemList, toApiError } from '../../../core/errors/api-error';
import { FundingSource, IpIncomeType, OpportunityHeBciGQL, OpportunityHeBciQuery, OpportunityType, UpdateOpportunityHeBciGQL } from '../../../graphql/generated';
import { FUNDING_SOURCE_LABELS, IP_INCOME_TYPE_LABELS } from '../../../shared/labels/hebci-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatPence } from '../../../shared/money/money';
import { heBciFieldsFor, heBciFormValue, InstalmentFormValue, toHeBciInput } from '../data-access/opportunity-hebci.model';

export interface OpportunityHeBciDialogData {
  opportunityId: string;
}

type Loaded = NonNullable<OpportunityHeBciQuery['opportunity']>;

/**
 * What the HE-BCI return needs of one contract: its funding source, in-kind contribution, CPD
 * learner days, IP income type, KTP grant/company split, and its income instalments (each counts
 * in the academic year it is received, or due until received; none: the value is spread by days).
 */
@Component({
  selector: 'bce-opportunity-hebci-dialog',
  imports: [ReactiveFormsModule, FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title id="hebci-dialog-title">HE-BCI details{{ o() ? ': ' + o()!.title : '' }}</h2>
    @if (o(); as o) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content class="grid">
          <p class="wide muted">{{ typeLabel(o.type) }}, value {{ money(o.valuePence) }}.</p>
          @if (problems().length) {
            <ul class="banner error wide" role="alert">
              @for (p of problems(); track p) { <li>{{ p }}</li> }
            </ul>
          }
          @if (fields().fundingSources.length) {
            <mat-form-field class="wide">
              <mat-label>Funding source (HESA)</mat-label>
              <mat-select formControlName="fundingSource">
                <mat-option value="">Not recorded</mat-option>
                @for (s of fields().fundingSources; track s) { <mat-option [value]="s">{{ sourceLabel(s) }}</mat-option> }
              </mat-select>
            </mat-form-field>
          }
          @if (fields().inKind) {
            <mat-form-field>
              <mat-label>In-kind contribution (£)</mat-label>
              <input matInput formControlName="inKind" inputmode="decimal" autocomplete="off" />
              <mat-hint>Contractually explicit contributions of the collaborator</mat-hint>
            </mat-form-field>
          }
          @if (fields().ktpSplit) {
            <mat-form-field>
              <mat-label>KTP grant (£)</mat-label>
              <input matInput formControlName="ktpGrant" inputmode="decimal" autocomplete="off" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>KTP company contribution (£)</mat-label>
              <input matInput formControlName="ktpCompany" inputmode="decimal" autocomplete="off" />
              <mat-hint>Grant + company must equal the value</mat-hint>
            </mat-form-field>
          }
          @if (fields().learnerDays) {
            <mat-form-field>
              <mat-label>CPD learner days</mat-label>
              <input matInput formControlName="learnerDays" inputmode="numeric" autocomplete="off" />
            </mat-form-field>
          }
          @if (fields().ipType) {
            <mat-form-field>
              <mat-label>IP income type</mat-label>
              <mat-select formControlName="ipIncomeType">
                <mat-option value="">Not recorded</mat-option>
                @for (t of ipTypes; track t.value) { <mat-option [value]="t.value">{{ t.label }}</mat-option> }
              </mat-select>
            </mat-form-field>
          }
          <fieldset class="wide instalments">
            <legend>Income instalments</legend>
            <p class="muted">Each counts in the academic year it is received (or due, until received). With none, the value is spread by days over the contract.</p>
            @for (row of instalments.controls; track row; let i = $index) {
              <div class="instalment" [formGroup]="row">
                <mat-form-field>
                  <mat-label>Due</mat-label>
                  <input matInput type="date" formControlName="dueOn" [attr.aria-label]="'Instalment ' + (i + 1) + ' due date'" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>Received</mat-label>
                  <input matInput type="date" formControlName="receivedOn" [attr.aria-label]="'Instalment ' + (i + 1) + ' received date'" />
                </mat-form-field>
                <mat-form-field>
                  <mat-label>Amount (£)</mat-label>
                  <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" [attr.aria-label]="'Instalment ' + (i + 1) + ' amount in pounds'" />
                </mat-form-field>
                <button mat-button type="button" (click)="instalments.removeAt(i)" [attr.aria-label]="'Remove instalment ' + (i + 1)">Remove</button>
              </div>
            }
            <button mat-stroked-button type="button" (click)="addInstalment()">Add an instalment</button>
          </fieldset>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="saving()">Save HE-BCI details</button>
        </mat-dialog-actions>
      </form>
    } @else {
      <mat-dialog-content><p>{{ loadError() ?? 'Loading…' }}</p></mat-dialog-content>
    }
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
    .wide { grid-column: 1 / -1; }
    .banner.error { color: var(--mat-sys-error); margin: 0 0 8px; }
    .instalments { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
    .instalment { display: grid; grid-template-columns: 1fr 1fr 1fr auto; gap: 0 8px; align-items: start; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpportunityHeBciDialog implements OnInit {
  private readonly data = inject<OpportunityHeBciDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<OpportunityHeBciDialog, boolean>);
  private readonly loadGql = inject(OpportunityHeBciGQL);
  private readonly updateGql = inject(UpdateOpportunityHeBciGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly o = signal<Loaded | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly problems = signal<string[]>([]);
  protected readonly fields = computed(() => heBciFieldsFor((this.o()?.type ?? 'consultancy') as OpportunityType));
  protected readonly ipTypes = (Object.keys(IP_INCOME_TYPE_LABELS) as IpIncomeType[]).map((value) => ({ value, label: IP_INCOME_TYPE_LABELS[value] }));
  protected readonly instalments = new FormArray<ReturnType<OpportunityHeBciDialog['instalmentGroup']>>([]);
  protected readonly form = this.fb.group({
    fundingSource: ['' as FundingSource | ''], inKind: [''], learnerDays: [''], ipIncomeType: ['' as IpIncomeType | ''], ktpGrant: [''], ktpCompany: [''],
    instalments: this.instalments,
  });

  protected readonly money = (p: unknown) => formatPence(Number(p));
  protected readonly sourceLabel = (s: FundingSource) => FUNDING_SOURCE_LABELS[s];
  protected readonly typeLabel = (t: OpportunityType) => OPPORTUNITY_TYPE_LABELS[t];

  async ngOnInit(): Promise<void> {
    try {
      const o = (await firstValueFrom(this.loadGql.fetch({ variables: { id: this.data.opportunityId }, fetchPolicy: 'no-cache' }))).data?.opportunity;
      if (!o) throw new Error('This opportunity is not there any more, or you may not see it.');
      const v = heBciFormValue(o);
      for (const i of v.instalments) this.instalments.push(this.instalmentGroup(i));
      this.form.patchValue({ ...v, instalments: undefined });
      this.o.set(o);
    } catch (e) {
      this.loadError.set(toApiError(e).message);
    }
  }

  protected addInstalment(): void {
    this.instalments.push(this.instalmentGroup({ dueOn: '', receivedOn: '', amount: '' }));
  }

  private instalmentGroup(v: InstalmentFormValue) {
    return this.fb.group({ dueOn: [v.dueOn], receivedOn: [v.receivedOn], amount: [v.amount] });
  }

  protected async save(): Promise<void> {
    const o = this.o();
    if (!o || this.saving()) return;
    const { input, problems } = toHeBciInput(o.type, this.form.getRawValue());
    this.problems.set(problems);
    if (problems.length) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.updateGql.mutate({ variables: { id: o.id, version: o.version, input } }));
      this.snackBar.open(`HE-BCI details of “${o.title}” saved`, 'Dismiss', { duration: 4000 });
      this.ref.close(true);
    } catch (e) {
      this.problems.set(problemList(toApiError(e)));
    } finally {
      this.saving.set(false);
    }
  }
}
