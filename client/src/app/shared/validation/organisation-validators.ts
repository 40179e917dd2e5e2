import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isCompaniesHouseNumber, isUkPostcode, isWebsite } from './organisation-rules';

// Only types come from @angular/forms, so these run (and are tested) without Angular.
const optional =
  (key: string, valid: (value: string) => boolean): ValidatorFn =>
  (control: AbstractControl): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    return value === '' || valid(value) ? null : { [key]: true };
  };

export const companiesHouseNumberValidator: ValidatorFn = optional('companiesHouseNumber', isCompaniesHouseNumber);
export const postcodeValidator: ValidatorFn = optional('postcode', isUkPostcode);
export const websiteValidator: ValidatorFn = optional('website', isWebsite);

/** Required after trimming: "   " is as empty as "". */
export const requiredTrimmedValidator: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() !== '' ? null : { required: true };
