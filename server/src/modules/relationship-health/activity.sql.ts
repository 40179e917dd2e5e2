import { visibleSql } from '../../common/auth/visibility';
import { UK_TODAY_SQL } from '../../common/database/uk-today';

/**
 * How much is going on with a relationship, cheap enough to compute for every search candidate:
 * engagements in the last 12 months plus open opportunities, counting only what the user may see
 * (`$n`, see visibleParam). Each count is a range scan on an (organisation_id, ...) index.
 */
export const organisationActivitySql = (orgId: string, n: number) => `(
  (SELECT count(*) FROM engagements ae
    WHERE ae.organisation_id = ${orgId} AND ae.deleted_at IS NULL AND ${visibleSql('ae', n)}
      AND ae.occurred_on > ${UK_TODAY_SQL} - 365 AND ae.occurred_on <= ${UK_TODAY_SQL})
  + (SELECT count(*) FROM opportunities ao
      WHERE ao.organisation_id = ${orgId} AND ao.deleted_at IS NULL AND ${visibleSql('ao', n)}
        AND ao.stage_id IN (SELECT id FROM opportunity_stages WHERE outcome = 'open')))`;

/** A person's counterpart: the engagements in the last 12 months they took part in. */
export const contactActivitySql = (contactId: string, n: number) => `(
  SELECT count(*) FROM engagement_contacts aec JOIN engagements ae ON ae.id = aec.engagement_id
   WHERE aec.contact_id = ${contactId} AND ae.deleted_at IS NULL AND ${visibleSql('ae', n)}
     AND ae.occurred_on > ${UK_TODAY_SQL} - 365 AND ae.occurred_on <= ${UK_TODAY_SQL})`;
