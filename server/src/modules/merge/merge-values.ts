import { badField } from '../../common/graphql/errors';
import { MergeSpec } from './merge-spec';

export enum MergeSource {
  survivor = 'survivor',
  merged = 'merged',
}

export interface FieldChoice {
  field: string;
  from: MergeSource;
}

/** Both records' values as the database has them (column names). */
export type RowValues = Record<string, unknown>;

/**
 * The survivor's new column values: the chosen field values (unnamed fields keep the survivor's),
 * and every array field unioned, the survivor's values first. Refuses unknown or repeated fields.
 */
export function mergedValues(spec: MergeSpec, survivor: RowValues, merged: RowValues, choices: FieldChoice[]): RowValues {
  const seen = new Set<string>();
  const values: RowValues = {};
  for (const { field, from } of choices) {
    const column = spec.choosable[field];
    if (!column) throw badField('fields', `${field} is not a field you can choose; choose from ${Object.keys(spec.choosable).join(', ')}`);
    if (seen.has(field)) throw badField('fields', `${field} is chosen twice`);
    seen.add(field);
    if (from === MergeSource.merged) values[column] = merged[column];
  }
  for (const column of Object.values(spec.unioned)) {
    values[column] = union((survivor[column] as string[]) ?? [], (merged[column] as string[]) ?? [], column === 'emails');
  }
  return values;
}

/** a then the values of b not already there; emails compare without case ("Jo@X.com" is "jo@x.com"). */
function union(a: string[], b: string[], ignoreCase: boolean): string[] {
  const key = (v: string) => (ignoreCase ? v.toLowerCase() : v);
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((v) => !seen.has(key(v)) && seen.add(key(v)))];
}
