/** The column mapping as the MAPPING step edits it: one field name (or null, ignored) per column. */
interface Field {
  name: string;
  label: string;
  required: boolean;
}

/** Problems the server would refuse the mapping for, found before asking it (it checks again). */
export function mappingProblems(mapping: ReadonlyArray<string | null>, fields: readonly Field[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const f of mapping) if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const f of fields) {
    const n = counts.get(f.name) ?? 0;
    if (n > 1) problems.push(`${f.label} is filled by more than one column: choose one`);
    if (f.required && n === 0) problems.push(`A column must fill ${f.label}`);
  }
  return problems;
}

/** Two or three values of a column from the first rows, blanks left out: "Tyne Engineering, Acme Ltd". */
export function sampleValues(rows: ReadonlyArray<{ cells: ReadonlyArray<string | null> }>, column: number, max = 3): string[] {
  return rows
    .map((r) => (r.cells[column] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, max);
}

/** The select's value ("" for ignore) ↔ the mapping entry (null for ignore). */
export const toSelectValue = (field: string | null | undefined): string => field ?? '';
export const fromSelectValue = (value: string): string | null => (value === '' ? null : value);
