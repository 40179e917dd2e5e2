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
 * Scores are stored for the views users share, and only where they fell by the going-cold drop:
 * non-confidential only ('open'), everything ('all', managers), and per department the
 * non-confidential plus that department's confidential records ('department'). Only a person
 * whose several departments all have confidential records at one organisation has it scored at
 * read time from its buckets.
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
 * Scores per organisation and view over the buckets `buckets` yields (rows of going_cold_buckets
 * with the view_department they are combined for, or NULL): today's as of `day` and the earlier
 * one as of `pastDay`, with the visible won value that makes an organisation important.
 * Columns: organisation_id, view_department, score, previous_score, won_pence_730.
 */
export function scoresOfBucketsSql(buckets: string, day: string, pastDay: string): string {
  return `
    WITH b AS (${buckets}), sums AS (
      SELECT b.organisation_id, b.view_department,
             max(b.cur_last_on) AS cur_last_on, sum(b.cur_engagements_365)::int AS cur_engagements_365,
             sum(b.cur_recent_90)::int AS cur_recent_90, sum(b.cur_prior_90)::int AS cur_prior_90,
             max(b.past_last_on) AS past_last_on, sum(b.past_engagements_365)::int AS past_engagements_365,
             sum(b.past_recent_90)::int AS past_recent_90, sum(b.past_prior_90)::int AS past_prior_90,
             sum(b.open_weighted_pence)::bigint AS open_weighted_pence,
             sum(b.cur_won_pence_730)::bigint AS cur_won_pence_730, sum(b.past_won_pence_730)::bigint AS past_won_pence_730
        FROM b GROUP BY b.organisation_id, b.view_department
    ), sets AS (
      SELECT b.organisation_id, b.view_department,
             count(DISTINCT x.id) FILTER (WHERE x.k = 1)::int AS cur_departments, count(DISTINCT x.id) FILTER (WHERE x.k = 2)::int AS past_departments,
             count(DISTINCT x.id) FILTER (WHERE x.k = 3)::int AS cur_contacts, count(DISTINCT x.id) FILTER (WHERE x.k = 4)::int AS past_contacts
        FROM b CROSS JOIN LATERAL (
               SELECT 1 AS k, unnest(b.cur_departments) AS id UNION ALL SELECT 2, unnest(b.past_departments)
               UNION ALL SELECT 3, unnest(b.cur_contacts) UNION ALL SELECT 4, unnest(b.past_contacts)) x
       GROUP BY b.organisation_id, b.view_department
    ), c AS (
      SELECT sums.*, coalesce(sets.cur_departments, 0) AS cur_departments, coalesce(sets.past_departments, 0) AS past_departments,
             coalesce(sets.cur_contacts, 0) AS cur_contacts, coalesce(sets.past_contacts, 0) AS past_contacts
        FROM sums LEFT JOIN sets ON sets.organisation_id = sums.organisation_id AND sets.view_department IS NOT DISTINCT FROM sums.view_department
    )
    SELECT c.organisation_id, c.view_department, ${scoreOf('cur', day)} AS score, ${scoreOf('past', pastDay)} AS previous_score, c.cur_won_pence_730 AS won_pence_730
      FROM c`;
}

/**
 * Stores the scores that fell by `minimumDrop` or more ($1, $2 as refreshBucketsSql) of the
 * views users share: 'open' (non-confidential only), 'all' (managers) and, per department with
 * confidential buckets, 'department' (non-confidential plus that department's, for its staff).
 */
export function refreshScoresSql(minimumDrop: number): string {
  const view = (name: string, buckets: string) => `
    SELECT s.organisation_id, '${name}', s.view_department, s.score, s.previous_score, s.won_pence_730
      FROM (${scoresOfBucketsSql(buckets, '$1', '$2')}) s
     WHERE s.previous_score - s.score >= ${minimumDrop}`;
  return `
    INSERT INTO going_cold_scores (organisation_id, view, department_id, score, previous_score, won_pence_730)
    ${view('open', 'SELECT b.*, NULL::uuid AS view_department FROM going_cold_buckets b WHERE NOT b.confidential')}
    UNION ALL ${view('all', 'SELECT b.*, NULL::uuid AS view_department FROM going_cold_buckets b')}
    UNION ALL ${view('department', `SELECT b.*, d.department_id AS view_department
      FROM (SELECT DISTINCT organisation_id, department_id FROM going_cold_buckets WHERE confidential) d
      JOIN going_cold_buckets b ON b.organisation_id = d.organisation_id AND (NOT b.confidential OR b.department_id = d.department_id)`)}`;
}

/** Organisation `o` still listed (not archived since, visible to `$1`) and important today: its stage, or won value scored `s`. */
const liveImportant = (o: string, s: string) =>
  `${o}.deleted_at IS NULL AND ${visibleSql(o, 1)} AND (${o}.relationship_stage IN ('active', 'strategic_partner') OR ${s}.won_pence_730 > 0)`;

/** The snapshot's day (no row: never computed). */
export const snapshotDaySql = `SELECT as_of::text AS as_of FROM going_cold_snapshot`;

/** One page of a stored view `s` (filtered by `where`) biggest fall first, with its organisations' names. */
const storedPage = (where: string) => `
  SELECT o.id, o.name, s.score, s.previous_score, s.fall FROM going_cold_scores s JOIN organisations o ON o.id = s.organisation_id
   WHERE ${where} AND ${liveImportant('o', 's')}
   ORDER BY s.fall DESC, o.name LIMIT $2`;

/**
 * The going-cold list from the snapshot for the user whose visibility is `$1` (see visibleParam),
 * limit `$2`, each row with the snapshot's moment (no rows also when there is no snapshot yet).
 * Managers read the 'all' view. Anyone else reads the 'open' view where their departments have
 * no confidential buckets, the 'department' view where exactly one of them has, and where two or
 * more have (only for a person in several departments, `severalDepartments`) the organisation is
 * scored here from the buckets they may see. Each part is a page read in its index's order (biggest fall first, a
 * page of organisations joined) and the pages are merged. Organisations are filtered live
 * (archived since, or not visible) and importance uses today's relationship stage, like the live
 * list; the last engagement is looked up as of the snapshot day.
 */
export function goingColdFromSnapshotSql(minimumDrop: number, compareDays: number, seesAll: boolean, severalDepartments: boolean): string {
  const day = `(SELECT as_of FROM going_cold_snapshot)`;
  const theirs = (s: string, extra = '') => `SELECT 1 FROM going_cold_buckets t
     WHERE t.confidential AND t.department_id = ANY($1::uuid[]) AND t.organisation_id = ${s}.organisation_id${extra}`;
  const cold = seesAll ? storedPage(`s.view = 'all' AND s.department_id IS NULL`) : `
      (${storedPage(`s.view = 'open' AND s.department_id IS NULL AND NOT EXISTS (${theirs('s')})`)})
      UNION ALL
      (${storedPage(`s.view = 'department' AND s.department_id = ANY($1::uuid[]) AND NOT EXISTS (${theirs('s', ' AND t.department_id <> s.department_id')})`)})
      ${severalDepartments ? `UNION ALL
      SELECT o.id, o.name, m.score, m.previous_score, m.previous_score - m.score FROM (${scoresOfBucketsSql(
        `SELECT b.*, NULL::uuid AS view_department FROM going_cold_buckets b
          WHERE ${visibleSql('b', 1)} AND b.organisation_id IN (
                SELECT t.organisation_id FROM going_cold_buckets t WHERE t.confidential AND t.department_id = ANY($1::uuid[])
                 GROUP BY t.organisation_id HAVING count(*) > 1)`, day, `(${day} - ${compareDays})`)}) m
        JOIN organisations o ON o.id = m.organisation_id
       WHERE m.previous_score - m.score >= ${minimumDrop} AND ${liveImportant('o', 'm')}` : ''}`;
  return `
    WITH cold AS (${cold})
    SELECT c.id, c.score, c.previous_score, c.name, snap.computed_at,
           (SELECT max(e.occurred_on) FROM engagements e
             WHERE e.organisation_id = c.id AND e.deleted_at IS NULL AND e.occurred_on <= snap.as_of AND ${visibleSql('e', 1)})::text AS last_engaged_on
      FROM (SELECT * FROM cold ORDER BY fall DESC, name LIMIT $2) c CROSS JOIN going_cold_snapshot snap
     ORDER BY c.fall DESC, c.name`;
}
