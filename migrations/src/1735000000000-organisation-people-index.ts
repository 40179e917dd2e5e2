import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's people, paged (Organisation.people). The order (current primary, current,
 * former; then the person's name) mixes today's date with a column of contacts, so no index can
 * hand the rows over in order: every page ranks the organisation's live affiliations joined to
 * their contacts, and the count reads them all. This index makes the affiliations side of both an
 * index-only scan (organisation, and what the ranking and join read: id, contact, primary flag,
 * end date) instead of a heap fetch per affiliation: at 1,381 people, 4 buffers instead of ~350.
 * The contacts side stays a primary-key probe per person.
 */
export class OrganisationPeopleIndex1735000000000 implements MigrationInterface {
  name = 'OrganisationPeopleIndex1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS affiliations_organisation_people_idx
      ON affiliations (organisation_id) INCLUDE (id, contact_id, is_primary, to_date) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS affiliations_organisation_people_idx`);
  }
}
