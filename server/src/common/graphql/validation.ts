import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, FieldError } from './errors';

/** Flattens class-validator's nested errors into one entry per field path, e.g. `input.postcode` → `postcode`. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/** Validates every input class; bad input becomes BAD_USER_INPUT naming each field. */
export const appValidationPipe = () =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => badInput(toFieldErrors(errors)),
  });
