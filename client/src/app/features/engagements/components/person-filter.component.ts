import { ChangeDetectionStrategy, Component, effect, input, output, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { combineLatest, map, startWith, switchMap } from 'rxjs';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import type { NamedRef } from '../data-access/log-engagement.model';
import { PeopleSearch, personOptions } from '../data-access/person-options';

/**
 * The timeline's "Person" filter: type part of a name and pick. An organisation can have more
 * people than one page, so what is typed is searched (`search`) rather than a list of them all
 * being loaded. Emits the chosen contact's id, or '' for anyone (when the box is cleared).
 */
@Component({
  selector: 'bce-person-filter',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field>
      <mat-label>Person</mat-label>
      <input matInput type="search" [formControl]="text" [matAutocomplete]="auto" placeholder="Anyone" autocomplete="off" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked($event)">
        @for (person of options(); track person.id) {
          <mat-option [value]="person">{{ person.name }}</mat-option>
        } @empty {
          @if (text.value) {
            <mat-option disabled>Nobody here by that name</mat-option>
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonFilterComponent {
  /** Offered before anything is typed. */
  readonly people = input<NamedRef[]>([]);
  readonly search = input<PeopleSearch | null>(null);
  /** The chosen contact's id, '' for anyone. */
  readonly value = input('');
  readonly valueChange = output<string>();

  protected readonly text = new FormControl<NamedRef | string>('', { nonNullable: true });
  protected readonly options = toSignal(
    combineLatest([toObservable(this.people), this.text.valueChanges.pipe(startWith(''), map((v) => (typeof v === 'string' ? v : '')), debouncedSearch()), toObservable(this.search)]).pipe(
      switchMap(([first, term, search]) => personOptions(first, term, search)),
    ),
    { initialValue: [] as NamedRef[] },
  );

  constructor() {
    // Cleared from outside ("Clear filters"): the box empties too.
    effect(() => {
      if (!this.value()) untracked(() => this.text.value && this.text.setValue(''));
    });
    // Emptying the box goes back to anyone.
    this.text.valueChanges.subscribe((v) => {
      if (v === '' && this.value()) this.valueChange.emit('');
    });
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as NamedRef;
    this.text.setValue(person.name);
    this.valueChange.emit(person.id);
  }
}
