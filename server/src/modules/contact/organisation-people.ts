import { DataSource } from 'typeorm';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPagesPer } from '../../common/database/keyset';
import { ukToday } from '../../common/dates/uk-dates';
import { Affiliation } from './affiliation.entity';
import { Contact } from './contact.entity';
import { CONTACT_NAME_SQL, contactMatches } from './contact.service';
import { OrganisationPeopleArgs } from './dto/organisation-people.args';

/**
 * Key people first: a current primary affiliation (the person's main employer is this one), then
 * other current roles, then former ones; by name within each, stable by id. The tier and the name
 * travel in one text key ("0smith jo"), so the cursor and the keyset filter are those of every
 * other connection. A role ending today is already former, as Affiliation.current says.
 */
const TIER = `CASE WHEN a.to_date IS NOT NULL AND a.to_date <= :today::date THEN '2' WHEN a.is_primary THEN '0' ELSE '1' END`;
export const PEOPLE_SORT: KeysetSort = { key: `(${TIER} || ${CONTACT_NAME_SQL}) COLLATE "C"`, keyAsText: `${TIER} || ${CONTACT_NAME_SQL}`, cast: '::text COLLATE "C"' };

/**
 * Pages of several organisations' people (their live affiliations, each with its live contact) in
 * one statement, plus one grouped count when `count`. The organisations were found visible by
 * whoever resolved them; as with Organisation.affiliations, an archived person does not show.
 */
export function peopleOfOrganisations(
  db: DataSource,
  args: OrganisationPeopleArgs,
  organisationIds: readonly string[],
  options: { count: boolean },
): Promise<Map<string, Connection<Affiliation>>> {
  const q = db.getRepository(Affiliation).createQueryBuilder('a')
    .innerJoinAndMapOne('a.contact', Contact, 'c', 'c.id = a.contact_id AND c.deleted_at IS NULL')
    .where('a.organisation_id IN (:...organisationIds)', { organisationIds: [...organisationIds] })
    .setParameter('today', ukToday());
  if (args.search) q.andWhere(...contactMatches(args.search));
  return keysetPagesPer(q, PEOPLE_SORT, args, { parent: 'a.organisation_id', parents: organisationIds, parentOf: (a) => a.organisationId }, options);
}
