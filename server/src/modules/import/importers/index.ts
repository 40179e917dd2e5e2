import { ImportEntity } from '../column-mapping';
import { Importer } from '../importer';
import { organisationImporter } from './organisation.importer';

/** Each kind of record an import can bring in, with its table (for liveness checks). */
export const IMPORTERS: Partial<Record<ImportEntity, Importer & { table: string }>> = {
  organisations: { ...organisationImporter, table: 'organisations' },
};

export function importerFor(entity: ImportEntity): Importer & { table: string } {
  const importer = IMPORTERS[entity];
  if (!importer) throw new Error(`No importer for ${entity}`);
  return importer;
}
