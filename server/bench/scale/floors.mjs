// The raw-SQL floor of each operation: the least SQL that returns the same data, through `pg`,
// with the same confidentiality rule ($1: the bench user's departments). What the API adds on
// top of these (auth, GraphQL, DataLoaders, ranking, mapping) is what the ratio shows.
import { load } from './app.mjs';

const { ORGANISATION_SEARCH_SQL } = load('modules/organisation/organisation.service.js');
const { CONTACT_SEARCH_SQL } = load('modules/contact/contact.service.js');
const { healthInputsSql } = load('modules/relationship-health/health-inputs.sql.js');

const visible = (alias) => `(NOT ${alias}.confidential OR ${alias}.department_id = ANY($1::uuid[]))`;
const UK_TODAY = `(now() AT TIME ZONE 'Europe/London')::date`;

const ORGANISATION_PAGE = (keyset) => `
  SELECT o.id, o.name, o.type, o.relationship_stage, o.town, o.postcode, o.deleted_at, u.id AS owner_id, u.name AS owner_name
    FROM organisations o LEFT JOIN users u ON u.id = o.owner_id
   WHERE o.deleted_at IS NULL AND ${visible('o')} AND o.type = ANY($2) AND o.relationship_stage = ANY($3)
     ${keyset ? `AND (lower(o.name) COLLATE "C", o.id) > ($4::text COLLATE "C", $5::uuid)` : ''}
   ORDER BY lower(o.name) COLLATE "C", o.id LIMIT 26`;
const ORGANISATION_COUNT = `SELECT count(*)::int FROM organisations o WHERE o.deleted_at IS NULL AND ${visible('o')} AND o.type = ANY($2) AND o.relationship_stage = ANY($3)`;

/** A page and its totalCount, one after the other, as the list needs both. */
export async function organisationPage(pool, depts, filter, after) {
  const params = [depts, filter.types, filter.stages];
  const rows = await pool.query(ORGANISATION_PAGE(!!after), after ? [...params, after.key, after.id] : params);
  const count = await pool.query(ORGANISATION_COUNT, params);
  return { rows: rows.rows, total: count.rows[0].count };
}

/** Everything the organisation page shows, its statements in parallel as the page's requests are. */
export function organisationView(pool, depts, id) {
  return Promise.all([
    pool.query(`SELECT o.*, d.name AS department_name, d.code, u.name AS owner_name, u.email AS owner_email
                  FROM organisations o LEFT JOIN departments d ON d.id = o.department_id LEFT JOIN users u ON u.id = o.owner_id
                 WHERE o.id = $2 AND ${visible('o')}`, [depts, id]),
    organisationPeople(pool, id),
    pool.query(`SELECT t.*, u.name AS assignee_name FROM tasks t JOIN users u ON u.id = t.assignee_id
                 WHERE t.organisation_id = $2 AND t.status = 'open' AND t.deleted_at IS NULL AND ${visible('t')} ORDER BY t.due_on`, [depts, id]),
    pool.query(`SELECT e.department_id, d.name, d.code, max(e.occurred_on) AS last_engaged_on, count(*)::int AS engagement_count
                  FROM engagements e JOIN departments d ON d.id = e.department_id
                 WHERE e.organisation_id = $2 AND e.deleted_at IS NULL AND ${visible('e')} GROUP BY 1, 2, 3`, [depts, id]),
    pool.query(`SELECT a.*, u.name FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
                 WHERE a.entity_type = 'organisation' AND a.entity_id = $1 ORDER BY a.id DESC`, [id]),
    timeline(pool, depts, id),
    pool.query(healthInputsSql('= $3'), [new Date().toISOString().slice(0, 10), depts, id]),
    pool.query(healthInputsSql('= $3'), [new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10), depts, id]),
  ]);
}

/** The page's first 25 people, key people first (current primary, current, former; by name), and how many there are. */
async function organisationPeople(pool, id) {
  const tier = `CASE WHEN a.to_date IS NOT NULL AND a.to_date <= ${UK_TODAY} THEN '2' WHEN a.is_primary THEN '0' ELSE '1' END`;
  const live = `FROM affiliations a JOIN contacts c ON c.id = a.contact_id WHERE a.organisation_id = $1 AND a.deleted_at IS NULL AND c.deleted_at IS NULL`;
  const [page, count] = await Promise.all([
    pool.query(`SELECT a.*, c.first_name, c.last_name, c.job_title, c.emails ${live}
                 ORDER BY (${tier} || lower(c.last_name || ' ' || c.first_name)) COLLATE "C", a.id LIMIT 26`, [id]),
    pool.query(`SELECT count(*)::int ${live}`, [id]),
  ]);
  return { rows: page.rows, total: count.rows[0].count };
}

/** The first 50 of engagements and stage moves, interleaved newest first, with who was there, and the total. */
async function timeline(pool, depts, id) {
  const page = await pool.query(`
    SELECT * FROM (
      SELECT 'engagement' AS kind, e.id, e.occurred_on AS day, e.created_at AS at FROM engagements e
       WHERE e.organisation_id = $2 AND e.deleted_at IS NULL AND ${visible('e')}
      UNION ALL
      SELECT 'move', h.id, (h.entered_at AT TIME ZONE 'Europe/London')::date, h.entered_at
        FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id
       WHERE o.organisation_id = $2 AND o.deleted_at IS NULL AND ${visible('o')}
    ) t ORDER BY day DESC, at DESC, id DESC LIMIT 51`, [depts, id]);
  const ids = page.rows.filter((r) => r.kind === 'engagement').map((r) => r.id);
  return Promise.all([
    pool.query(`SELECT e.*, d.name, d.code, u.name AS logged_by FROM engagements e JOIN departments d ON d.id = e.department_id
                  LEFT JOIN users u ON u.id = e.created_by WHERE e.id = ANY($1)`, [ids]),
    pool.query(`SELECT ec.engagement_id, c.id, c.first_name, c.last_name FROM engagement_contacts ec JOIN contacts c ON c.id = ec.contact_id
                 WHERE ec.engagement_id = ANY($1)`, [ids]),
    pool.query(`SELECT (SELECT count(*) FROM engagements e WHERE e.organisation_id = $2 AND e.deleted_at IS NULL AND ${visible('e')})
                     + (SELECT count(*) FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id
                         WHERE o.organisation_id = $2 AND o.deleted_at IS NULL AND ${visible('o')}) AS total`, [depts, id]),
  ]);
}

/** Candidates from the same trigram indexes the app searches, ranked by similarity alone (the app also ranks by tier and activity). */
export const SEARCH = `
  SELECT * FROM (
    (SELECT 'organisation' AS kind, o.id, o.name AS title, word_similarity($2, ${ORGANISATION_SEARCH_SQL}) AS score FROM organisations o
      WHERE o.deleted_at IS NULL AND ${visible('o')} AND $2 <% ${ORGANISATION_SEARCH_SQL} ORDER BY 4 DESC LIMIT 10)
    UNION ALL
    (SELECT 'contact', c.id, c.first_name || ' ' || c.last_name, word_similarity($2, ${CONTACT_SEARCH_SQL}) FROM contacts c
      WHERE c.deleted_at IS NULL AND $2 <% ${CONTACT_SEARCH_SQL} ORDER BY 4 DESC LIMIT 10)
  ) hits ORDER BY score DESC LIMIT 10`;

/** What logging an engagement must write: the row, its staff and its audit event, in one transaction. */
export async function logEngagement(pool, user, organisationId, i) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: [e] } = await client.query(
      `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, created_by) VALUES ('call', ${UK_TODAY}, $1, $2, $3, $4) RETURNING id`,
      [`Bench floor call ${i}`, organisationId, user.departmentIds[0], user.id]);
    await client.query(`INSERT INTO engagement_staff (engagement_id, user_id) VALUES ($1, $2)`, [e.id, user.id]);
    await client.query(`INSERT INTO audit_events (actor_id, entity_type, entity_id, action, changes) VALUES ($1, 'engagement', $2, 'create', '{}')`, [user.id, e.id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The same totals one stage at a time, which lets each stage be an index-only range (the board's index) rather than a hash of every opportunity. */
const BOARD_TOTALS = `
  SELECT s.id, t.* FROM opportunity_stages s CROSS JOIN LATERAL (
    SELECT count(*)::int, coalesce(sum(op.value_pence), 0) AS total, coalesce(sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100), 0) AS weighted
      FROM opportunities op WHERE op.stage_id = s.id AND op.deleted_at IS NULL AND ${visible('op')}) t
   WHERE s.deleted_at IS NULL AND s.outcome = 'open'`;

/**
 * The board: totals per open stage, and each open column's first 50 cards (soonest to close, one
 * more to know there is a next page), in parallel. No per-column count: the board shows the
 * stage totals' count (BoardColumn does not ask for totalCount).
 */
export function pipelineBoard(pool, depts, stageIds) {
  return Promise.all([
    pool.query(BOARD_TOTALS, [depts]),
    ...stageIds.map((stage) =>
      pool.query(`SELECT op.*, o.name AS organisation_name, u.name AS owner_name, d.name AS department_name, s.default_probability
                    FROM opportunities op JOIN organisations o ON o.id = op.organisation_id JOIN opportunity_stages s ON s.id = op.stage_id
                    LEFT JOIN users u ON u.id = op.owner_id JOIN departments d ON d.id = op.department_id
                   WHERE op.stage_id = $2 AND op.deleted_at IS NULL AND ${visible('op')}
                   ORDER BY coalesce(op.expected_close_date, '9999-12-31'::date), op.id LIMIT 51`, [depts, stage])),
  ]);
}

/**
 * The stage report: the open stages that have opportunities, with their count, value and weighted
 * value (as the API returns them). Each stage summed on its own, index-only (a join hashing every
 * live opportunity is the planner's other choice, and slower: EXPLAIN ANALYZE, issue 15).
 */
export const PIPELINE_BY_STAGE = `
  SELECT s.id, s.name, t.* FROM opportunity_stages s CROSS JOIN LATERAL (
    SELECT count(*)::int, sum(op.value_pence) AS total, sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100) AS weighted
      FROM opportunities op WHERE op.stage_id = s.id AND op.deleted_at IS NULL AND ${visible('op')}) t
   WHERE s.outcome = 'open' AND t.count > 0`;

/**
 * The HE-BCI cells for a year: won contracts with income in it (instalments received, else due,
 * in the year; without instalments, the value spread over the delivery days), by heading and
 * whether the partner is commercial. ($2, $3: the year's first and last day.) Which contracts
 * count in the year, their delivery days and instalment totals are read from hebci_contract_years
 * (kept by triggers, migration 1735200000000) as the server now reads them: the year's index
 * range, not every instalment summed.
 */
export const HEBCI = `
  WITH income AS (
    SELECT op.type, o.type AS organisation_type,
           CASE WHEN cy.instalment_count > 0 THEN cy.instalments_through_pence - cy.instalments_before_pence
                ELSE op.value_pence * greatest(0, least(cy.ends, $3::date) - greatest(cy.starts, $2::date) + 1) / (cy.ends - cy.starts + 1) END AS pence
      FROM hebci_contract_years cy JOIN opportunities op ON op.id = cy.opportunity_id JOIN organisations o ON o.id = op.organisation_id
     WHERE cy.year_start = extract(year FROM $2::date)::int AND op.deleted_at IS NULL AND ${visible('op')}
  )
  SELECT m.category, s.commercial, count(*)::int, sum(pence) AS value_pence
    FROM income JOIN hebci_activity_map m ON m.opportunity_type = income.type JOIN hebci_sector_map s ON s.organisation_type = income.organisation_type
   WHERE m.category IS NOT NULL AND pence > 0 GROUP BY 1, 2`;

/** Matching a spreadsheet's rows to organisations on exact keys (Companies House number, domain, name key): one statement for the file. */
export const IMPORT_MATCH = `
  SELECT r.n, coalesce(ch.id, dom.id, nk.id) AS match_id
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(name, ch, website, n)
    LEFT JOIN LATERAL (SELECT id FROM organisations o WHERE o.companies_house_number = nullif(r.ch, '') AND o.deleted_at IS NULL LIMIT 1) ch ON true
    LEFT JOIN LATERAL (SELECT id FROM organisations o WHERE bce_domain(o.website) = bce_domain(nullif(r.website, '')) AND o.deleted_at IS NULL AND o.website IS NOT NULL LIMIT 1) dom ON true
    LEFT JOIN LATERAL (SELECT id FROM organisations o WHERE bce_name_key(o.name) = bce_name_key(r.name) AND o.deleted_at IS NULL LIMIT 1) nk ON true`;
