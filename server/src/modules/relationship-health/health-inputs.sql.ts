import { visibleSql } from '../../common/auth/visibility';

/**
 * Per-organisation health inputs as of the date in parameter `asOf` (default `$1`), counting only
 * what the user may see (`$2`, see visibleParam). `orgFilter` narrows every part to the organisations wanted (for one
 * organisation, `= $3`), so a single page is cheap and a whole list is one pass over engagements.
 *
 * Columns: organisation_id, days_since_last, engagements_365, departments_365, contacts_365,
 * open_weighted_pence, won_pence_730, recent_90, prior_90 (the names HEALTH_FACTORS' SQL uses).
 *
 * The open pipeline is today's, also when scoring an earlier date: stage history could rebuild it,
 * but the trend factor already carries the change over time and this keeps the query one pass.
 */
export function healthInputsSql(orgFilter: string, asOf = '$1'): string {
  return `
    WITH eng AS (
      SELECT e.organisation_id,
             min(${asOf}::date - e.occurred_on) AS days_since_last,
             count(*) FILTER (WHERE e.occurred_on > ${asOf}::date - 365) AS engagements_365,
             count(DISTINCT e.department_id) FILTER (WHERE e.occurred_on > ${asOf}::date - 365) AS departments_365,
             count(*) FILTER (WHERE e.occurred_on > ${asOf}::date - 90) AS recent_90,
             count(*) FILTER (WHERE e.occurred_on > ${asOf}::date - 180 AND e.occurred_on <= ${asOf}::date - 90) AS prior_90
        FROM engagements e
       WHERE e.deleted_at IS NULL AND e.occurred_on <= ${asOf}::date AND e.organisation_id ${orgFilter} AND ${visibleSql('e', 2)}
       GROUP BY e.organisation_id
    ), people AS (
      SELECT e.organisation_id, count(DISTINCT ec.contact_id) AS contacts_365
        FROM engagements e JOIN engagement_contacts ec ON ec.engagement_id = e.id
       WHERE e.deleted_at IS NULL AND e.occurred_on > ${asOf}::date - 365 AND e.occurred_on <= ${asOf}::date
         AND e.organisation_id ${orgFilter} AND ${visibleSql('e', 2)}
       GROUP BY e.organisation_id
    ), opp AS (
      SELECT op.organisation_id,
             coalesce(sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100) FILTER (WHERE s.outcome = 'open'), 0) AS open_weighted_pence,
             coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won' AND op.won_at > ${asOf}::date - 730 AND op.won_at < ${asOf}::date + 1), 0) AS won_pence_730
        FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id
       WHERE op.deleted_at IS NULL AND op.organisation_id ${orgFilter} AND ${visibleSql('op', 2)}
       GROUP BY op.organisation_id
    )
    SELECT o.id AS organisation_id,
           eng.days_since_last,
           coalesce(eng.engagements_365, 0)::int AS engagements_365,
           coalesce(eng.departments_365, 0)::int AS departments_365,
           coalesce(people.contacts_365, 0)::int AS contacts_365,
           coalesce(opp.open_weighted_pence, 0)::bigint AS open_weighted_pence,
           coalesce(opp.won_pence_730, 0)::bigint AS won_pence_730,
           coalesce(eng.recent_90, 0)::int AS recent_90,
           coalesce(eng.prior_90, 0)::int AS prior_90
      FROM organisations o
      LEFT JOIN eng ON eng.organisation_id = o.id
      LEFT JOIN people ON people.organisation_id = o.id
      LEFT JOIN opp ON opp.organisation_id = o.id
     WHERE o.deleted_at IS NULL AND o.id ${orgFilter} AND ${visibleSql('o', 2)}`;
}
