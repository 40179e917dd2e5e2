import { DataSource } from 'typeorm';
import { ExportColumn, ExportColumnType } from './export-format';
import { ExportSink } from './export-sink';
import { EXPORT_BATCH } from './keyset-batches';

/** The tables of the admin's full export, one sheet each, in this order. Secrets never leave: see OMITTED. */
export const FULL_EXPORT_TABLES: ReadonlyArray<[table: string, sheet: string]> = [
  ['organisations', 'Organisations'], ['contacts', 'Contacts'], ['affiliations', 'Affiliations'], ['consent_records', 'Consent records'],
  ['engagements', 'Engagements'], ['opportunities', 'Opportunities'], ['tasks', 'Tasks'], ['departments', 'Departments'], ['users', 'Users'],
];
const OMITTED = new Set(['users.password_hash']);

type Row = Record<string, unknown>;
interface TableColumn { column_name: string; data_type: string }

function typeOf(c: TableColumn): ExportColumnType {
  if (c.column_name.endsWith('_pence')) return 'money';
  if (c.data_type === 'date') return 'date';
  if (c.data_type.startsWith('timestamp')) return 'datetime';
  if (['integer', 'bigint', 'smallint', 'numeric'].includes(c.data_type)) return 'number';
  return 'text';
}

function cell(value: unknown, type: ExportColumnType) {
  if (value === null || value === undefined) return null;
  if (type === 'money' || type === 'number') return Number(value);
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value as string | boolean | Date;
}

/** A column per table column (money columns as pounds); dates are read as text so no time zone can shift them. */
export function columnsOf(table: string, columns: TableColumn[]): ExportColumn<Row>[] {
  return columns
    .filter((c) => !OMITTED.has(`${table}.${c.column_name}`))
    .map((c) => {
      const type = typeOf(c);
      const header = type === 'money' ? `${c.column_name.replace(/_pence$/, '')} (£)` : c.column_name;
      return { header, type, value: (row: Row) => cell(row[c.column_name], type) };
    });
}

/**
 * Every row of every table, archived ones included (deleted_at says which), each table read in
 * id order a batch at a time, so memory holds one batch whatever the size of the institution.
 */
export async function writeFullExport(db: DataSource, sink: ExportSink): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, sheetName] of FULL_EXPORT_TABLES) {
    const tableColumns: TableColumn[] = await db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, [table],
    );
    const columns = columnsOf(table, tableColumns);
    const select = tableColumns.filter((c) => !OMITTED.has(`${table}.${c.column_name}`))
      .map((c) => (c.data_type === 'date' ? `"${c.column_name}"::text AS "${c.column_name}"` : `"${c.column_name}"`)).join(', ');
    const sheet = sink.sheet(sheetName, columns);
    let after: string | null = null;
    counts[table] = 0;
    for (;;) {
      const rows: Row[] = await db.query(
        `SELECT ${select} FROM ${table} WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${EXPORT_BATCH}`, [after],
      );
      await sheet.add(rows);
      counts[table] += rows.length;
      if (rows.length < EXPORT_BATCH) break;
      after = rows[rows.length - 1].id as string;
    }
    await sheet.end();
  }
  return counts;
}
