import { visibleSql } from '../../common/auth/visibility';
import { CONTACT_SEARCH_SQL } from '../contact/contact.service';
import { ORGANISATION_SEARCH_SQL } from '../organisation/organisation.service';
import { contactActivitySql, organisationActivitySql } from '../relationship-health/activity.sql';

// Parameters of every statement here: $1 the text, $2 its searchKey, $3 the user's visibility
// (visibleParam), $4 the page size.

/**
 * The best of a record's names (`names`, a text[] whose first element is the title) for the text
 * ($1) and its key ($2): the lowest tier, then the closest, then the earliest name. Closeness is
 * the mean of word_similarity (the best-matching part of the name) and similarity (the whole
 * name): word_similarity alone rates "Sveern Composites Holdings" as close to "Chiltern
 * Composites Holdings" as to "Severn Composites Holdings" (0.84 each; similarity 0.70 and 0.77).
 * Tiers: 0 a name's key is the text's key, 1 starts with it, 2 a later word starts with it, 3 only similar.
 */
const bestNameSql = (names: string) => `LATERAL (
  SELECT alt, ord,
         CASE WHEN $2 = '' THEN 3 WHEN k = $2 THEN 0 WHEN k LIKE $2 || '%' THEN 1 WHEN k LIKE '% ' || $2 || '%' THEN 2 ELSE 3 END AS tier,
         (word_similarity($1, alt) + similarity($1, alt)) / 2 AS sim, $1 <% alt AS similar
    FROM unnest(${names}) WITH ORDINALITY AS u(alt, ord), bce_name_key(alt) AS k
   WHERE alt IS NOT NULL
   ORDER BY tier, sim DESC, ord
   LIMIT 1)`;

/**
 * The tier as a 0–1 score; similar-only hits in bands of 0.05 similarity, so close ones tie and
 * activity decides, but the name a typo was made in still ranks above busier names that only
 * share its other words: for "Sveern Composites Holdings Ltd", Severn's band is 0.8, Chiltern's
 * 0.75 and Falwic's 0.7 (in bands of 0.1 all three were 0.8).
 */
const scoreSql = (tier: string, sim: string) => `CASE ${tier} WHEN 0 THEN 1 WHEN 1 THEN 0.9 WHEN 2 THEN 0.8 ELSE 0.7 * round((${sim})::numeric * 20) / 20 END`;

/**
 * The name terms starting with the text's key: a key holds only a–z, 0–9 and single spaces, all
 * below '~' in the C collation, so `LIKE k%` is the range [k, k~), which the btree reads directly.
 */
const TERMS_STARTING = `$2 <> '' AND s.term >= $2 AND s.term < $2 || '~'`;

/** The names search ranks, title first; search_terms (migration 1734900000000) is built from the same lists. */
const ORGANISATION_NAMES = `ARRAY[o.name, o.legal_name] || o.trading_names || o.aliases`;
const CONTACT_NAMES = `ARRAY[c.first_name || ' ' || c.last_name, c.last_name]`;

/** Hits among the organisations `where` picks, with their best name, score and activity. */
const organisationHits = (where: string) => `
     SELECT 'organisation' AS kind, 0 AS kind_rank, o.id, o.name AS title, concat_ws(', ', o.town, o.postcode) AS subtitle,
            CASE WHEN best.ord > 1 AND (best.tier < 3 OR best.similar) THEN best.alt END AS "matchedAlias",
            ${scoreSql('best.tier', `greatest(best.sim, 0.9 * word_similarity($1, ${ORGANISATION_SEARCH_SQL}))`)} AS score
       FROM organisations o
      CROSS JOIN ${bestNameSql(ORGANISATION_NAMES)} best
      WHERE o.deleted_at IS NULL AND ${visibleSql('o', 3)} AND ${where}`;
const contactHits = (where: string) => `
     SELECT 'contact' AS kind, 1 AS kind_rank, c.id, c.first_name || ' ' || c.last_name AS title, coalesce(c.job_title, c.emails[1]) AS subtitle, NULL AS "matchedAlias",
            ${scoreSql('best.tier', `greatest(best.sim, 0.9 * word_similarity($1, ${CONTACT_SEARCH_SQL}))`)} AS score
       FROM contacts c
      CROSS JOIN ${bestNameSql(CONTACT_NAMES)} best
      WHERE c.deleted_at IS NULL AND c.erased_at IS NULL AND ${where}`;

/** Organisations before people, then the busier relationship (two index range counts a record), then by name. */
const RANK = `score DESC, kind_rank,
   CASE kind WHEN 'organisation' THEN ${organisationActivitySql('hits.id', 3)} ELSE ${contactActivitySql('hits.id', 3)} END DESC,
   lower(title), id`;

/**
 * Of (tier or score, kind) groups in rank order, those that can reach a page of $4: the ones with
 * fewer than $4 hits ranked above them. Only their hits need their activity counted.
 */
const reachingSql = (groups: string, key: string) => `SELECT ${key}, kind_rank FROM (
    SELECT ${key}, kind_rank, sum(n) OVER (ORDER BY ${key} ${key === 'tier' ? 'ASC' : 'DESC'}, kind_rank ROWS UNBOUNDED PRECEDING) - n AS above FROM (${groups}) g) r
  WHERE above < $4`;

/**
 * The name tiers only (exact, prefix, word prefix), from search_terms: one index-only range scan
 * finds every visible record with a name term starting with the text's key (TERMS_STARTING) and
 * its tier (0 a whole name's key is k, 1 a whole name's key starts with k, 2 a later word does).
 * Names, scores and activity are then read only for the records in the groups that can reach the
 * page: of the 10,000 records "rob" finds at 100,000 organisations, the 350 organisations whose
 * name starts so. When these fill the page nothing similar-only can rank above them (their scores
 * are at most 0.7), so the typo-tolerant search (SEARCH_SQL) need not run.
 */
export const NAME_SEARCH_SQL = `WITH matched AS (
    SELECT s.kind AS kind_rank, s.record_id AS id, min(CASE WHEN s.tier = 1 AND s.term = $2 THEN 0 ELSE s.tier END) AS tier
      FROM search_terms s
     WHERE ${TERMS_STARTING} AND (s.kind = 1 OR ${visibleSql('s', 3)})
     GROUP BY s.kind, s.record_id),
  reaching AS (SELECT m.kind_rank, m.id FROM matched m
    JOIN (${reachingSql(`SELECT tier, kind_rank, count(*) AS n FROM matched GROUP BY tier, kind_rank`, 'tier')}) r USING (tier, kind_rank))
  SELECT kind, id, title, subtitle, "matchedAlias", score FROM (
    ${organisationHits(`o.id IN (SELECT id FROM reaching WHERE kind_rank = 0)`)}
    UNION ALL
    ${contactHits(`c.id IN (SELECT id FROM reaching WHERE kind_rank = 1)`)}
  ) hits
  ORDER BY ${RANK}
  LIMIT $4`;

/** A little more forgiving than the default 0.6, so one typo in a short word still matches ("Siemns"). */
export const SEARCH_THRESHOLD_SQL = `SET LOCAL pg_trgm.word_similarity_threshold = 0.5`;

/**
 * Every tier, typo-tolerant, for when the name tiers do not fill the page: records similar to the
 * text (`<%` on the same expressions the lists search, through their trigram indexes) and the name
 * terms' records, exact key hits on any name or alias among them (UNION: a record found both ways
 * gives the same row, kept once). The similarity probe stands alone: OR-ed with another condition
 * the bitmap's recheck evaluated both for each of the thousands of trigram candidates (twice the
 * time at 100,000 organisations). Ranked by tier (exact above prefix above word prefix above similarity), then as
 * RANK says, activity counted only for the score groups that can reach the page. A match found
 * only in an email, postcode or website counts at 0.9 of its similarity. Needs SEARCH_THRESHOLD_SQL.
 */
export const SEARCH_SQL = `WITH named AS (
    SELECT s.kind, s.record_id FROM search_terms s WHERE ${TERMS_STARTING}),
  hits AS (
    ${organisationHits(`$1 <% ${ORGANISATION_SEARCH_SQL}`)}
    UNION
    ${organisationHits(`o.id IN (SELECT record_id FROM named WHERE kind = 0)`)}
    UNION ALL (
    ${contactHits(`$1 <% ${CONTACT_SEARCH_SQL}`)}
    UNION
    ${contactHits(`c.id IN (SELECT record_id FROM named WHERE kind = 1)`)})),
  reaching AS (${reachingSql(`SELECT score, kind_rank, count(*) AS n FROM hits GROUP BY score, kind_rank`, 'score')})
  SELECT kind, id, title, subtitle, "matchedAlias", score FROM hits JOIN reaching USING (score, kind_rank)
  ORDER BY ${RANK}
  LIMIT $4`;
