import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { fromIsoDate, toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { DepartmentsService } from '../../engagements/data-access/departments.service';
import { OwnersService } from '../../../shared/users/owners.service';
import { academicYearOf, academicYearOptions, academicYearRange } from '../../../shared/dates/academic-year';
import { ReportFilterStore } from '../data-access/report-filter.store';

const CUSTOM = 'custom';

/** Departments, owner, and an academic year or a custom range: the filter every report shares. */
@Component({
  selector: 'bce-report-filter-bar',
  imports: [MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  providers: [provideUkDateAdapter()],
  template: `
    <section class="filters" aria-label="Filter the reports">
      <mat-form-field class="departments" floatLabel="always">
        <mat-label>Departments</mat-label>
        <mat-select multiple [value]="state().departmentIds" (selectionChange)="store.update({ departmentIds: $event.value })" placeholder="All departments">
          @for (d of departments(); track d.id) {
            <mat-option [value]="d.id">{{ d.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>

      @if (owners(); as people) {
        <mat-form-field>
          <mat-label>Owner</mat-label>
          <select matNativeControl (change)="store.update({ ownerId: value($event) })">
            <option value="" [selected]="!state().ownerId">Anyone</option>
            @for (person of people; track person.id) {
              <option [value]="person.id" [selected]="person.id === state().ownerId">{{ person.name }}</option>
            }
          </select>
        </mat-form-field>
      }

      <mat-form-field class="year">
        <mat-label>Academic year</mat-label>
        <select matNativeControl (change)="choosePeriod(value($event))">
          @for (year of years; track year) {
            <option [value]="year" [selected]="!custom() && year === state().year">{{ year }}{{ year === currentYear ? ' (current)' : '' }}</option>
          }
          <option value="custom" [selected]="custom()">Custom dates…</option>
        </select>
      </mat-form-field>

      @if (custom()) {
        <mat-form-field class="range">
          <mat-label>Dates</mat-label>
          <mat-date-range-input [rangePicker]="picker">
            <input matStartDate placeholder="From" aria-label="From" [value]="fromDate()" (dateChange)="store.update({ from: iso($event.value) })" />
            <input matEndDate placeholder="To" aria-label="To" [value]="toDate()" (dateChange)="store.update({ to: iso($event.value) })" />
          </mat-date-range-input>
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-date-range-picker #picker />
        </mat-form-field>
      }

      @if (filtered()) {
        <button mat-button type="button" class="reset" (click)="reset()">Reset filters</button>
      }
    </section>
    @if (rangeBackwards()) {
      <p class="range-error" role="alert">The “To” date is before the “From” date.</p>
    }
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 12px;
    }
    mat-form-field {
      flex: 0 1 200px;
      min-width: 160px;
    }
    .departments {
      flex: 1 1 260px;
      max-width: 360px;
    }
    .year {
      flex: 0 1 230px;
    }
    .range {
      flex: 0 1 290px;
    }
    .reset {
      margin-bottom: 4px;
    }
    .range-error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFilterBarComponent {
  protected readonly store = inject(ReportFilterStore);
  protected readonly state = this.store.state;
  protected readonly custom = this.store.customRange;
  protected readonly currentYear = academicYearOf(this.store.today);
  protected readonly years = academicYearOptions(this.store.today);
  protected readonly departments = toSignal(inject(DepartmentsService).departments(), { initialValue: [] });
  protected readonly owners = toSignal(inject(OwnersService).owners(), { initialValue: null });
  protected readonly filtered = computed(() => {
    const s = this.state();
    return !!(s.departmentIds.length || s.ownerId || s.from || s.to || s.year !== this.currentYear);
  });
  protected readonly rangeBackwards = computed(() => {
    const { from, to } = this.state();
    return !!(from && to && from > to);
  });

  protected readonly fromDate = computed(() => fromIsoDate(this.state().from));
  protected readonly toDate = computed(() => fromIsoDate(this.state().to));
  protected readonly iso = (date: Date | null) => toIsoDate(date) ?? '';

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected choosePeriod(choice: string): void {
    if (choice === CUSTOM) {
      // Start from the year being shown, so the figures do not jump.
      this.store.update(academicYearRange(this.state().year));
    } else {
      this.store.update({ year: choice, from: '', to: '' });
    }
  }

  protected reset(): void {
    this.store.update({ departmentIds: [], ownerId: '', year: this.currentYear, from: '', to: '' });
  }
}
