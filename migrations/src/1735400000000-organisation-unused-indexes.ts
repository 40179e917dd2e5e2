import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes of organisations that no query reads any more, each a cost on every insert and
 * update (an import commit's organisations INSERT is nearly all index maintenance):
 *
 * - organisations_name_keys_idx (GIN on bce_organisation_name_keys, 1733700000000): search's
 *   exact hit on any name or alias. search_terms (1734900000000) holds the same keys, every
 *   name's bce_name_key as a tier-1 term, and the search reads them from its btree; the GIN index
 *   also ran bce_organisation_name_keys (a bce_name_key per name) for every row written.
 * - organisations_postcode_idx (btree on replace(postcode, ' ', ''), 1732300000000): no statement
 *   filters on that expression (the search matches postcodes inside its trigram expression; import
 *   matching and duplicates compare bce_postcode_area(postcode)).
 */
export class OrganisationUnusedIndexes1735400000000 implements MigrationInterface {
  name = 'OrganisationUnusedIndexes1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisations_name_keys_idx`);
    await q.query(`DROP INDEX organisations_postcode_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organisations_postcode_idx ON organisations (replace(postcode, ' ', ''))`);
    await q.query(`CREATE INDEX organisations_name_keys_idx ON organisations USING gin (bce_organisation_name_keys(name, legal_name, trading_names, aliases)) WHERE deleted_at IS NULL`);
  }
}
