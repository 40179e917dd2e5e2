import { visibleSql } from '../../common/auth/visibility';
import { HEALTH_SCORE_SQL } from './health-formula';

/** The window parts of the health inputs as of the date parameter `d`, as FILTERed aggregates over engagements `e`. */
const engagementInputs = (d: string, as: string) => `
  min(${d}::date - e.occurred_on) FILTER (WHERE e.occurred_on <= ${d}::date) AS ${as}_days_since_last,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 365 AND e.occurred_on <= ${d}::date) AS ${as}_engagements_365,
  count(DISTINCT e.department_id) FILTER (WHERE e.occurred_on > ${d}::date - 365 AND e.occurred_on <= ${d}::date) AS ${as}_departments_365,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 90 AND e.occurred_on <= ${d}::date) AS ${as}_recent_90,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 180 AND e.occurred_on <= ${d}::date - 90) AS ${as}_prior_90`;

/** One organisation's score from the `as`-prefixed columns, named as HEALTH_SCORE_SQL wants them (casts as healthInputsSql's). */
const scoreOf = (as: string) => `(SELECT ${HEALTH_SCORE_SQL} FROM (SELECT
    eng.${as}_days_since_last AS days_since_last,
    coalesce(eng.${as}_engagements_365, 0)::int AS engagements_365,
    coalesce(eng.${as}_departments_365, 0)::int AS departments_365,
    coalesce(people.${as}_contacts_365, 0)::int AS contacts_365,
    coalesce(opp.open_weighted_pence, 0)::bigint AS open_weighted_pence,
    coalesce(opp.${as}_won_pence_730, 0)::bigint AS won_pence_730,
    coalesce(eng.${as}_recent_90, 0)::int AS recent_90,
    coalesce(eng.${as}_prior_90, 0)::int AS prior_90) i)`;

/**
 * The going-cold list in one statement that reads each table once: every visible organisation's
 * inputs as of `$1` (today) and `$3` (COMPARE_DAYS earlier, so `$3 < $1`) come from the same pass
 * over its engagements, with `$2` the user's visibility (see visibleParam) and `$4` the limit.
 * The inputs and formula are healthInputsSql's and HEALTH_SCORE_SQL's, with two shortcuts that
 * change no score: engagements older than `$3 - 365` are not read, since recency gives nothing
 * after 365 days and every other window is shorter; and only open opportunities and those won
 * since `$3 - 730` are, the only ones any sum counts. The last engagement date shown is therefore
 * looked up afterwards, by index, for the rows returned.
 */
export function goingColdSql(minimumDrop: number): string {
  const window = `e.deleted_at IS NULL AND e.occurred_on > $3::date - 365 AND e.occurred_on <= $1::date AND ${visibleSql('e', 2)}`;
  return `
    WITH eng AS (
      SELECT e.organisation_id, ${engagementInputs('$1', 'cur')}, ${engagementInputs('$3', 'past')}
        FROM engagements e WHERE ${window}
       GROUP BY e.organisation_id
    ), people AS (
      SELECT e.organisation_id,
             count(DISTINCT ec.contact_id) FILTER (WHERE e.occurred_on > $1::date - 365) AS cur_contacts_365,
             count(DISTINCT ec.contact_id) FILTER (WHERE e.occurred_on <= $3::date) AS past_contacts_365
        FROM engagements e JOIN engagement_contacts ec ON ec.engagement_id = e.id
       WHERE ${window}
       GROUP BY e.organisation_id
    ), opp AS (
      SELECT op.organisation_id,
             coalesce(sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100) FILTER (WHERE s.outcome = 'open'), 0) AS open_weighted_pence,
             coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won' AND op.won_at > $1::date - 730 AND op.won_at < $1::date + 1), 0) AS cur_won_pence_730,
             coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won' AND op.won_at > $3::date - 730 AND op.won_at < $3::date + 1), 0) AS past_won_pence_730
        FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id
       WHERE op.deleted_at IS NULL AND ${visibleSql('op', 2)}
         AND (s.outcome = 'open' OR (s.outcome = 'won' AND op.won_at > $3::date - 730))
       GROUP BY op.organisation_id
    ), scored AS (
      SELECT o.id, o.name, o.relationship_stage, coalesce(opp.cur_won_pence_730, 0)::bigint AS won_pence_730,
             ${scoreOf('cur')} AS score, ${scoreOf('past')} AS previous_score
        FROM organisations o
        LEFT JOIN eng ON eng.organisation_id = o.id
        LEFT JOIN people ON people.organisation_id = o.id
        LEFT JOIN opp ON opp.organisation_id = o.id
       WHERE o.deleted_at IS NULL AND ${visibleSql('o', 2)}
    ), cold AS (
      SELECT id, name, score, previous_score FROM scored
       WHERE (relationship_stage IN ('active', 'strategic_partner') OR won_pence_730 > 0)
         AND previous_score - score >= ${minimumDrop}
       ORDER BY previous_score - score DESC, name
       LIMIT $4
    )
    SELECT c.id, c.score, c.previous_score, c.name,
           (SELECT max(e.occurred_on) FROM engagements e
             WHERE e.organisation_id = c.id AND e.deleted_at IS NULL AND e.occurred_on <= $1::date AND ${visibleSql('e', 2)})::text AS last_engaged_on
      FROM cold c
     ORDER BY c.previous_score - c.score DESC, c.name`;
}
