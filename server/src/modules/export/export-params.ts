import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badField, badInput } from '../../common/graphql/errors';
import { toFieldErrors } from '../../common/graphql/validation';
import { ExportFormat } from './export-format';

const JSON_PARAMS = ['filter', 'orderBy', 'statuses'];
// Paging belongs to the screen, not the export: an export always takes every matching row.
const NOT_ARGS = ['format'];

export function parseFormat(value: unknown): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw badField('format', 'format must be csv or xlsx');
}

/**
 * The query string as the list's own GraphQL arguments (filter, orderBy and statuses as JSON),
 * validated by the same class-validator rules, so a bad filter is refused naming its field.
 */
export async function parseListArgs<A extends object>(argsClass: new () => A, query: Record<string, unknown>): Promise<A> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (NOT_ARGS.includes(key)) continue;
    if (typeof value !== 'string') throw badField(key, `${key} must be given once`);
    if (JSON_PARAMS.includes(key)) {
      try {
        plain[key] = JSON.parse(value);
      } catch {
        throw badField(key, `${key} must be JSON, e.g. ${key}={"…":…}`);
      }
    } else {
      plain[key] = value;
    }
  }
  for (const paging of ['first', 'after']) if (paging in plain) throw badField(paging, `${paging} does not apply: an export has every matching row`);
  const args = plainToInstance(argsClass, plain);
  const errors = await validate(args, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw badInput(toFieldErrors(errors));
  return args;
}
