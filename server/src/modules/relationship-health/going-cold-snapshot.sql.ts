import { visibleSql } from '../../common/auth/visibility';
import { HEALTH_SCORE_SQL } from './health-formula';

/**
 * The going-cold snapshot (docs/performance-hotspots.md, "Going cold"): scoring every organisation
 * live reads every engagement of the last 455 days and their contacts, seconds at 100,000
 * organisations, so the list is computed once a day (as of a UK day, like goingColdSql) and read
 * from tables.
 *
 * What a user may see decides the score, so the inputs are kept per visibility bucket: for each
 * organisation, one bucket of its non-confidential records (department_id NULL) and one per
 * department with confidential records there. A user sees the non-confidential bucket and the
 * confidential buckets of their departments (managers: all), which is visibleSql over the bucket's
 * own confidential and department_id columns. Counts and sums add up over buckets and the last
 * date is their max; distinct departments and contacts do not, so each bucket keeps the ids,
 * sorted and cut to the first BREADTH_DEPARTMENTS / BREADTH_CONTACTS: the formula counts no more
 * than that many (full breadth), and a union of cut sets has at least that many exactly when the
 * union of the whole sets does, so every score is the live one.
 *
 * Scores are stored for the two views most users share, non-confidential only ('open') and
 * everything ('all', managers), and only where they fell by the going-cold drop. Staff whose
 * departments have confidential buckets at an organisation get that organisation scored at read
 * time from its buckets, a few thousand at most.
 */
const BREADTH_DEPARTMENTS = 3;
const BREADTH_CONTACTS = 5;
const NO_DEPARTMENT = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The bucket of record `r`: its department when confidential, else the shared one (a sentinel, so buckets join by equality). */
const bucketOf = (r: string) => `CASE WHEN ${r}.confidential THEN ${r}.department_id ELSE ${NO_DEPARTMENT} END`;

const engagementWindows = (d: string, as: string) => `
  max(e.occurred_on) FILTER (WHERE e.occurred_on <= ${d}::date) AS ${as}_last_on,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 365 AND e.occurred_on <= ${d}::date) AS ${as}_engagements_365,
  (array_agg(DISTINCT e.department_id) FILTER (WHERE e.occurred_on > ${d}::date - 365 AND e.occurred_on <= ${d}::date))[1:${BREADTH_DEPARTMENTS}] AS ${as}_departments,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 90 AND e.occurred_on <= ${d}::date) AS ${as}_recent_90,
  count(*) FILTER (WHERE e.occurred_on > ${d}::date - 180 AND e.occurred_on <= ${d}::date - 90) AS ${as}_prior_90`;

/**
 * Rebuilds going_cold_buckets as of `$1` (the day scored) and `$2` (COMPARE_DAYS earlier), with
 * goingColdSql's windows and shortcuts, for every record whoever may see it.
 */
export const refreshBucketsSql = `
  INSERT INTO going_cold_buckets (organisation_id, confidential, department_id,
    cur_last_on, cur_engagements_365, cur_departments, cur_recent_90, cur_prior_90, cur_contacts,
    past_last_on, past_engagements_365, past_departments, past_recent_90, past_prior_90, past_contacts,
    open_weighted_pence, cur_won_pence_730, past_won_pence_730)
  WITH eng AS (
    SELECT e.organisation_id, ${bucketOf('e')} AS bucket, ${engagementWindows('$1', 'cur')}, ${engagementWindows('$2', 'past')}
      FROM engagements e
     WHERE e.deleted_at IS NULL AND e.occurred_on > $2::date - 365 AND e.occurred_on <= $1::date
     GROUP BY 1, 2
  ), people AS (
    SELECT e.organisation_id, ${bucketOf('e')} AS bucket,
           (array_agg(DISTINCT ec.contact_id) FILTER (WHERE e.occurred_on > $1::date - 365))[1:${BREADTH_CONTACTS}] AS cur_contacts,
           (array_agg(DISTINCT ec.contact_id) FILTER (WHERE e.occurred_on <= $2::date))[1:${BREADTH_CONTACTS}] AS past_contacts
      FROM engagements e JOIN engagement_contacts ec ON ec.engagement_id = e.id
     WHERE e.deleted_at IS NULL AND e.occurred_on > $2::date - 365 AND e.occurred_on <= $1::date
     GROUP BY 1, 2
  ), opp AS (
    SELECT op.organisation_id, ${bucketOf('op')} AS bucket,
           coalesce(sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100) FILTER (WHERE s.outcome = 'open'), 0) AS open_weighted_pence,
           coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won' AND op.won_at > $1::date - 730 AND op.won_at < $1::date + 1), 0) AS cur_won_pence_730,
           coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won' AND op.won_at > $2::date - 730 AND op.won_at < $2::date + 1), 0) AS past_won_pence_730
      FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id
     WHERE op.deleted_at IS NULL AND (s.outcome = 'open' OR (s.outcome = 'won' AND op.won_at > $2::date - 730))
     GROUP BY 1, 2
  )
  SELECT coalesce(eng.organisation_id, opp.organisation_id), coalesce(eng.bucket, opp.bucket) <> ${NO_DEPARTMENT},
         nullif(coalesce(eng.bucket, opp.bucket), ${NO_DEPARTMENT}),
         eng.cur_last_on, coalesce(eng.cur_engagements_365, 0), coalesce(eng.cur_departments, '{}'), coalesce(eng.cur_recent_90, 0), coalesce(eng.cur_prior_90, 0),
         coalesce(people.cur_contacts, '{}'),
         eng.past_last_on, coalesce(eng.past_engagements_365, 0), coalesce(eng.past_departments, '{}'), coalesce(eng.past_recent_90, 0), coalesce(eng.past_prior_90, 0),
         coalesce(people.past_contacts, '{}'),
         coalesce(opp.open_weighted_pence, 0), coalesce(opp.cur_won_pence_730, 0), coalesce(opp.past_won_pence_730, 0)
    FROM eng
    LEFT JOIN people ON people.organisation_id = eng.organisation_id AND people.bucket = eng.bucket
    FULL JOIN opp ON opp.organisation_id = eng.organisation_id AND opp.bucket = eng.bucket`;

/** One date's score from `c`'s combined columns, named as HEALTH_SCORE_SQL wants them. `$d` is the day scored. */
const scoreOf = (as: string, day: string) => `(SELECT ${HEALTH_SCORE_SQL} FROM (SELECT
    ${day}::date - c.${as}_last_on AS days_since_last, c.${as}_engagements_365 AS engagements_365,
    c.${as}_departments AS departments_365, c.${as}_contacts AS contacts_365,
    c.open_weighted_pence AS open_weighted_pence, c.${as}_won_pence_730 AS won_pence_730,
    c.${as}_recent_90 AS recent_90, c.${as}_prior_90 AS prior_90) i)`;

/**
 * Scores per organisation over the buckets `buckets` yields (rows of going_cold_buckets): today's
 * as of `day` and the earlier one as of `pastDay`, with the visible won value that makes an
 * organisation important. Columns: organisation_id, score, previous_score, won_pence_730.
 */
export function scoresOfBucketsSql(buckets: string, day: string, pastDay: string): string {
  return `
    WITH b AS (${buckets}), sums AS (
      SELECT b.organisation_id,
             max(b.cur_last_on) AS cur_last_on, sum(b.cur_engagements_365)::int AS cur_engagements_365,
             sum(b.cur_recent_90)::int AS cur_recent_90, sum(b.cur_prior_90)::int AS cur_prior_90,
             max(b.past_last_on) AS past_last_on, sum(b.past_engagements_365)::int AS past_engagements_365,
             sum(b.past_recent_90)::int AS past_recent_90, sum(b.past_prior_90)::int AS past_prior_90,
             sum(b.open_weighted_pence)::bigint AS open_weighted_pence,
             sum(b.cur_won_pence_730)::bigint AS cur_won_pence_730, sum(b.past_won_pence_730)::bigint AS past_won_pence_730
        FROM b GROUP BY b.organisation_id
    ), sets AS (
      SELECT b.organisation_id,
             count(DISTINCT x.id) FILTER (WHERE x.k = 1)::int AS cur_departments, count(DISTINCT x.id) FILTER (WHERE x.k = 2)::int AS past_departments,
             count(DISTINCT x.id) FILTER (WHERE x.k = 3)::int AS cur_contacts, count(DISTINCT x.id) FILTER (WHERE x.k = 4)::int AS past_contacts
        FROM b CROSS JOIN LATERAL (
               SELECT 1 AS k, unnest(b.cur_departments) AS id UNION ALL SELECT 2, unnest(b.past_departments)
               UNION ALL SELECT 3, unnest(b.cur_contacts) UNION ALL SELECT 4, unnest(b.past_contacts)) x
       GROUP BY b.organisation_id
    ), c AS (
      SELECT sums.*, coalesce(sets.cur_departments, 0) AS cur_departments, coalesce(sets.past_departments, 0) AS past_departments,
             coalesce(sets.cur_contacts, 0) AS cur_contacts, coalesce(sets.past_contacts, 0) AS past_contacts
        FROM sums LEFT JOIN sets ON sets.organisation_id = sums.organisation_id
    )
    SELECT c.organisation_id, ${scoreOf('cur', day)} AS score, ${scoreOf('past', pastDay)} AS previous_score, c.cur_won_pence_730 AS won_pence_730
      FROM c`;
}

/** Stores the 'open' and 'all' views' scores that fell by `minimumDrop` or more ($1, $2 as refreshBucketsSql). */
export function refreshScoresSql(minimumDrop: number): string {
  const view = (name: string, where: string) => `
    SELECT s.organisation_id, '${name}', s.score, s.previous_score, s.won_pence_730
      FROM (${scoresOfBucketsSql(`SELECT * FROM going_cold_buckets WHERE ${where}`, '$1', '$2')}) s
     WHERE s.previous_score - s.score >= ${minimumDrop}`;
  return `
    INSERT INTO going_cold_scores (organisation_id, view, score, previous_score, won_pence_730)
    ${view('open', 'NOT confidential')}
    UNION ALL ${view('all', 'TRUE')}`;
}

/** The snapshot's day (no row: never computed). */
export const snapshotDaySql = `SELECT as_of::text AS as_of FROM going_cold_snapshot`;

/**
 * The going-cold list from the snapshot for the user whose visibility is `$1` (see visibleParam),
 * limit `$2`, each row with the snapshot's moment (no rows also when there is no snapshot yet):
 * managers read the 'all' view; anyone else the 'open' view, except at organisations where their
 * departments have confidential buckets, which are scored here from the buckets they may see.
 * Organisations are filtered live (archived since, or not visible) and importance uses today's
 * relationship stage, like the live list; the last engagement is looked up as of the snapshot day.
 */
export function goingColdFromSnapshotSql(minimumDrop: number, compareDays: number): string {
  const day = `(SELECT as_of FROM going_cold_snapshot)`;
  return `
    WITH mine AS (
      SELECT DISTINCT b.organisation_id FROM going_cold_buckets b
       WHERE $1::uuid[] IS NOT NULL AND b.confidential AND b.department_id = ANY($1::uuid[])
    ), mixed AS (${scoresOfBucketsSql(
      `SELECT b.* FROM going_cold_buckets b JOIN mine ON mine.organisation_id = b.organisation_id WHERE ${visibleSql('b', 1)}`, day, `(${day} - ${compareDays})`)}
    ), scored AS (
      SELECT s.organisation_id, s.score, s.previous_score, s.won_pence_730 FROM going_cold_scores s
       WHERE s.view = CASE WHEN $1::uuid[] IS NULL THEN 'all' ELSE 'open' END
         AND NOT EXISTS (SELECT 1 FROM mine WHERE mine.organisation_id = s.organisation_id)
      UNION ALL
      SELECT m.organisation_id, m.score, m.previous_score, m.won_pence_730 FROM mixed m WHERE m.previous_score - m.score >= ${minimumDrop}
    ), cold AS (
      SELECT o.id, o.name, s.score, s.previous_score FROM scored s JOIN organisations o ON o.id = s.organisation_id
       WHERE o.deleted_at IS NULL AND ${visibleSql('o', 1)}
         AND (o.relationship_stage IN ('active', 'strategic_partner') OR s.won_pence_730 > 0)
       ORDER BY s.previous_score - s.score DESC, o.name
       LIMIT $2
    )
    SELECT c.id, c.score, c.previous_score, c.name, snap.computed_at,
           (SELECT max(e.occurred_on) FROM engagements e
             WHERE e.organisation_id = c.id AND e.deleted_at IS NULL AND e.occurred_on <= snap.as_of AND ${visibleSql('e', 1)})::text AS last_engaged_on
      FROM cold c CROSS JOIN going_cold_snapshot snap
     ORDER BY c.previous_score - c.score DESC, c.name`;
}
