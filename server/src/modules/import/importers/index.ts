import { ImportEntity } from '../column-mapping';
import { Importer } from '../importer';
import { contactImporter } from './contact.importer';
import { engagementImporter } from './engagement.importer';
import { opportunityImporter } from './opportunity.importer';
import { organisationImporter } from './organisation.importer';

/** Each kind of record an import can bring in, with its table (for liveness checks). */
export const IMPORTERS: Partial<Record<ImportEntity, Importer & { table: string }>> = {
  organisations: { ...organisationImporter, table: 'organisations' },
  contacts: { ...contactImporter, table: 'contacts' },
  engagements: { ...engagementImporter, table: 'engagements' },
  opportunities: { ...opportunityImporter, table: 'opportunities' },
};

export function importerFor(entity: ImportEntity): Importer & { table: string } {
  const importer = IMPORTERS[entity];
  if (!importer) throw new Error(`No importer for ${entity}`);
  return importer;
}
