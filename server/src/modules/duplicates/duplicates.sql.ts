import { distinctCompaniesSql } from '../organisation/company-register';
import { NAME_SIMILARITY, REASON_WEIGHT } from './duplicate-rule';

/**
 * The duplicates queries. Parameters: $1 the reader's departments (null sees all confidential
 * records), $2 the record to focus on (null: every pair), $3/$4/$5 the cursor (score, a id, b id;
 * null on the first page), $6 the page size + 1. Candidate pairs come from indexes — equality on
 * the Companies House number, the website domain, an email; and the trigram index on
 * (bce_postcode_area(postcode), bce_name_key(name)) probed with `%` and the area (threshold set by
 * SET LOCAL pg_trgm.similarity_threshold) —
 * never from comparing every record with every other. Each pair (a_id < b_id) is then scored once.
 */
const T = NAME_SIMILARITY;

/**
 * How a pair source joins side a to side b: every pair once (b > a), or every pair of the focused
 * record ($2). Two texts rather than one CASE, so each plan can use its index.
 */
const sideOf = (focused: boolean) => (a: string, b: string) =>
  focused ? `${a} = $2::uuid AND ${b} <> ${a}` : `${b} > ${a} AND $2::uuid IS NULL`;

const visible = (alias: string) => `($1::uuid[] IS NULL OR NOT ${alias}.confidential OR ${alias}.department_id = ANY($1::uuid[]))`;

const PAGE = `
  SELECT r.*, t.total FROM (SELECT count(*)::int AS total FROM ranked) t
  LEFT JOIN LATERAL (
    SELECT * FROM ranked
     WHERE $3::numeric IS NULL OR score < $3::numeric OR (score = $3::numeric AND (a_id, b_id) > ($4::uuid, $5::uuid))
     ORDER BY score DESC, a_id, b_id LIMIT $6
  ) r ON true`;

type Side = (a: string, b: string) => string;

/**
 * The organisation rule as CTEs ending in `nonzero` (every candidate pair with its score):
 * `side` joins side a to side b, `onlyA` restricts the trigram probe's side a, `keep` filters the
 * scored pairs (visibility and dismissals when read live; nothing when the scanner stores them).
 */
/** At most this many similar-name candidates per organisation (exact Companies House number and domain matches are not capped). */
export const NAME_MATCHES_PER_ORGANISATION = 10;

/**
 * Two companies however alike (a group's "X LIMITED" and "X (UK) LIMITED", each with its own
 * number; a dissolved company and a live one) are never offered as one: the shared website or
 * name is not evidence then.
 */
const DISTINCT = (a: string, b: string) => distinctCompaniesSql({ ch: `${a}.companies_house_number`, status: `${a}.company_status` }, { ch: `${b}.companies_house_number`, status: `${b}.company_status` });

const organisationRule = (side: Side, onlyA: string, keep: string) => `
pairs AS (
  SELECT least(a.id, b.id) AS a_id, greatest(a.id, b.id) AS b_id
    FROM organisations a JOIN organisations b ON b.companies_house_number = a.companies_house_number AND b.deleted_at IS NULL
   WHERE a.deleted_at IS NULL AND a.companies_house_number IS NOT NULL AND ${side('a.id', 'b.id')}
  UNION
  SELECT least(a.id, b.id), greatest(a.id, b.id)
    FROM organisations a JOIN organisations b ON bce_domain(b.website) = bce_domain(a.website) AND b.deleted_at IS NULL AND b.website IS NOT NULL
   WHERE a.deleted_at IS NULL AND a.website IS NOT NULL AND ${side('a.id', 'b.id')} AND NOT ${DISTINCT('a', 'b')}
  UNION
  SELECT least(a.id, m.id), greatest(a.id, m.id)
    FROM organisations a
    CROSS JOIN LATERAL (
      SELECT b.id FROM organisations b
       WHERE bce_name_key(b.name) % bce_name_key(a.name) AND b.deleted_at IS NULL
         AND bce_postcode_area(b.postcode) = bce_postcode_area(a.postcode) AND ${side('a.id', 'b.id')} AND NOT ${DISTINCT('a', 'b')}
       -- The most similar few only: a run of near-identical names ("Employer 0001", "Employer 0002"…)
       -- would otherwise pair every one with every other, millions of pairs nobody reviews.
       ORDER BY similarity(bce_name_key(b.name), bce_name_key(a.name)) DESC, b.id LIMIT ${NAME_MATCHES_PER_ORGANISATION}
    ) m
   WHERE a.deleted_at IS NULL AND bce_postcode_area(a.postcode) IS NOT NULL AND bce_name_key(a.name) <> ''${onlyA}
),
-- Materialised: ranked uses the similarity twice, and each would recompute both name keys (regular expressions).
scored AS MATERIALIZED (
  SELECT p.a_id, p.b_id,
         CASE WHEN a.companies_house_number = b.companies_house_number THEN a.companies_house_number END AS ch,
         CASE WHEN bce_domain(a.website) = bce_domain(b.website) THEN bce_domain(a.website) END AS domain,
         NULL::text AS email,
         similarity(bce_name_key(a.name), bce_name_key(b.name)) AS similarity,
         CASE WHEN bce_postcode_area(a.postcode) = bce_postcode_area(b.postcode) THEN bce_postcode_area(a.postcode) END AS name_context
    FROM pairs p
    JOIN organisations a ON a.id = p.a_id
    JOIN organisations b ON b.id = p.b_id
   WHERE ${keep}
),
ranked AS (
  SELECT s.*, (name_context IS NOT NULL AND similarity >= ${T}) AS similar_name,
         round((CASE WHEN ch IS NOT NULL THEN ${REASON_WEIGHT.companiesHouseNumber} ELSE 0 END
              + CASE WHEN domain IS NOT NULL THEN ${REASON_WEIGHT.domain} ELSE 0 END
              + CASE WHEN name_context IS NOT NULL AND similarity >= ${T} THEN similarity ELSE 0 END)::numeric, 4) AS score
    FROM scored s
),
nonzero AS (SELECT * FROM ranked WHERE score > 0)`;

const notDismissed = (kind: string, pair: string) =>
  `NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = '${kind}' AND d.a_id = ${pair}.a_id AND d.b_id = ${pair}.b_id)`;

/**
 * Every candidate pair of one organisation ($2), computed live (one index probe per reason, a few
 * milliseconds), so the organisation's own page is right the moment it changes. With $2 null it
 * computes every pair in the database — far too slow for a list (one probe per organisation): the
 * list reads the scanner's table instead (storedOrganisationPairsSql); kept for the rule's tests.
 */
export const organisationPairsSql = (focused: boolean) => `
WITH ${organisationRule(sideOf(focused), focused ? ' AND a.id = $2::uuid' : '', `${visible('a')} AND ${visible('b')} AND ${notDismissed('organisation', 'p')}`)}
${PAGE.replace(/ranked/g, 'nonzero')}`;

/**
 * The scanner's query: every candidate pair involving any of the organisations $1 (uuid[]), both
 * sides live, before visibility and dismissals (applied when the list is read). Same rule, same
 * score, as the live query.
 */
export const organisationPairsOfSql = `
WITH ${organisationRule((a, b) => `${a} = ANY($1::uuid[]) AND ${b} <> ${a}`, ' AND a.id = ANY($1::uuid[])', 'true')}
SELECT a_id, b_id, score, ch, domain, email, similarity, similar_name, name_context FROM nonzero`;

/** A stored pair the reader may see: both organisations live and visible, not dismissed. */
const listable = `
  JOIN organisations a ON a.id = p.a_id AND a.deleted_at IS NULL AND ${visible('a')}
  JOIN organisations b ON b.id = p.b_id AND b.deleted_at IS NULL AND ${visible('b')}
 WHERE ${notDismissed('organisation', 'p')}`;

/**
 * The organisation list from the scanner's table ($1 departments, $3–$5 cursor, $6 page size + 1;
 * $2 unused, kept so every pairs query takes the same parameters). The page walks the
 * (score DESC, a_id, b_id) index; the count is a separate scan of the pairs, not of organisations.
 */
export const storedOrganisationPairsSql = `
SELECT r.*, t.total FROM (SELECT count(*)::int AS total FROM organisation_duplicate_pairs p ${listable} AND $2::uuid IS NULL) t
LEFT JOIN LATERAL (
  SELECT p.a_id, p.b_id, p.score, p.reasons FROM organisation_duplicate_pairs p ${listable}
     AND ($3::numeric IS NULL OR p.score <= $3::numeric AND (p.score < $3::numeric OR (p.score = $3::numeric AND (p.a_id, p.b_id) > ($4::uuid, $5::uuid))))
   ORDER BY p.score DESC, p.a_id, p.b_id LIMIT $6
) r ON true`;

const FULL_NAME = (alias: string) => `lower(${alias}.first_name || ' ' || ${alias}.last_name)`;

export const contactPairsSql = (focused: boolean, side = sideOf(focused)) => `
WITH addresses AS (
  SELECT c.id, lower(e) AS email FROM contacts c CROSS JOIN unnest(c.emails) e WHERE c.deleted_at IS NULL
),
pairs AS (
  SELECT least(x.id, y.id) AS a_id, greatest(x.id, y.id) AS b_id
    FROM addresses x JOIN addresses y ON y.email = x.email
   WHERE ${side('x.id', 'y.id')}
  UNION
  SELECT least(x.contact_id, y.contact_id), greatest(x.contact_id, y.contact_id)
    FROM affiliations x
    JOIN affiliations y ON y.organisation_id = x.organisation_id AND y.deleted_at IS NULL
    JOIN contacts a ON a.id = x.contact_id AND a.deleted_at IS NULL AND a.erased_at IS NULL
    JOIN contacts b ON b.id = y.contact_id AND b.deleted_at IS NULL AND b.erased_at IS NULL
   WHERE x.deleted_at IS NULL AND ${side('x.contact_id', 'y.contact_id')} AND ${FULL_NAME('a')} % ${FULL_NAME('b')}
),
scored AS (
  SELECT p.a_id, p.b_id, NULL::text AS ch, NULL::text AS domain,
         (SELECT min(e) FROM unnest(bce_lower_text(a.emails)) e WHERE e = ANY (bce_lower_text(b.emails))) AS email,
         similarity(${FULL_NAME('a')}, ${FULL_NAME('b')}) AS similarity,
         (SELECT min(o.name) FROM affiliations x
            JOIN affiliations y ON y.organisation_id = x.organisation_id AND y.contact_id = p.b_id AND y.deleted_at IS NULL
            JOIN organisations o ON o.id = x.organisation_id AND o.deleted_at IS NULL AND ${visible('o')}
           WHERE x.contact_id = p.a_id AND x.deleted_at IS NULL) AS name_context
    FROM pairs p
    JOIN contacts a ON a.id = p.a_id
    JOIN contacts b ON b.id = p.b_id
   WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'contact' AND d.a_id = p.a_id AND d.b_id = p.b_id)
),
ranked AS (
  SELECT s.*, (name_context IS NOT NULL AND similarity >= ${T}) AS similar_name,
         round((CASE WHEN email IS NOT NULL THEN ${REASON_WEIGHT.email} ELSE 0 END
              + CASE WHEN name_context IS NOT NULL AND similarity >= ${T} THEN similarity ELSE 0 END)::numeric, 4) AS score
    FROM scored s
),
nonzero AS (SELECT * FROM ranked WHERE score > 0)
${PAGE.replace(/ranked/g, 'nonzero')}`;
