import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badField, badInput, FieldError } from './errors';

// PostgreSQL text cannot hold NUL, and UTF-8 cannot hold a lone UTF-16 surrogate.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first field (named as class-validator names it: the field itself) whose text cannot be stored. */
export function unstorableField(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? field : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const hit = unstorableField(item, field);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const hit = unstorableField(item, key);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Validation, after refusing text that the database cannot store (it would fail there as an internal error). */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // An omitted nullable argument stays omitted: Nest's pipe would make an empty instance of its
    // class and validate that, refusing its required fields as if the client had sent it empty.
    // (A required argument that is missing never gets here: GraphQL refuses the request first.)
    if (value === undefined || value === null) return value;
    const field = metadata.type === 'custom' ? undefined : unstorableField(value, metadata.data ?? 'input');
    if (field) throw badField(field, 'contains a character that cannot be stored (a NUL or a broken emoji)');
    return super.transform(value, metadata);
  }
}

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
  new AppValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => badInput(toFieldErrors(errors)),
  });
