import { Injectable, Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_NATIVE_DATE_FORMATS, NativeDateAdapter } from '@angular/material/core';
import { parseUkDate } from './dates';

/**
 * The native adapter shows dd/mm/yyyy under the en-GB locale (app.config.ts), but reads typed text
 * with Date.parse, which takes 03/04/2025 as 4 March. This one reads the day first.
 */
@Injectable()
export class UkDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (!value.trim()) return null;
    return parseUkDate(value) ?? this.invalid();
  }
}

/** For a component with a MatDatepicker: typed and picked dates as dd/mm/yyyy. */
export function provideUkDateAdapter(): Provider[] {
  return [
    { provide: DateAdapter, useClass: UkDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
  ];
}
