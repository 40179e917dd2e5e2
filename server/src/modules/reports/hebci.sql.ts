import { GROUP_SHARE_PERCENT, SME_MAX_STAFF_EXCLUSIVE } from './sme-test';

/** An organisation's size facts for the SME test (hebci-partners.ts OrgRow), over `o` and its type's sector `s`. */
export const ORGANISATION_FACTS = `o.name, o.parent_id AS "parentId", o.company_category AS "companyCategory", o.headcount,
  o.turnover_pence::float8 AS "turnoverPence", o.balance_sheet_pence::float8 AS "balanceSheetPence", o.size_band AS "sizeBand",
  o.parent_ownership_percent AS "parentOwnershipPercent", coalesce(s.commercial, false) AS commercial`;

/** The organisations `$1` and their whole parent chains, each once, with their size facts. */
export const ORGANISATION_CHAIN_SQL = `
  WITH RECURSIVE chain AS (
    SELECT o.id, o.parent_id FROM organisations o WHERE o.id = ANY($1::uuid[])
    UNION
    SELECT p.id, p.parent_id FROM organisations p JOIN chain c ON p.id = c.parent_id
  )
  SELECT o.id, ${ORGANISATION_FACTS}
    FROM organisations o JOIN (SELECT DISTINCT id FROM chain) c ON c.id = o.id
    LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type`;

/**
 * The won contracts with income in the academic year starting 1 August of `yearStart`
 * (a parameter), visible and in scope (`where`, over `op`), with their instalments summed against
 * the year (hebci-income.ts InstalmentTotals), heading and organisation's size facts, in name
 * order. Which contracts count in the year, their delivery days and instalment totals come from
 * hebci_contract_years, which triggers keep current on every write (migration
 * 1735200000000-hebci-contract-years): the year's rows of one narrow table (its key leads with the
 * year; at 100k organisations the planner scans its 1,500 pages in parallel), not every instalment
 * of every contract summed on each request. Visibility, scope, headings and size facts are joined
 * live from opportunities and organisations, exactly as before.
 */
export function wonInYearSql(yearStart: string, where: string): string {
  return `
    SELECT op.id, op.title, op.type, op.value_pence::float8 AS "valuePence", op.organisation_id AS "organisationId", m.category,
           op.funding_source AS "fundingSource", op.in_kind_pence::float8 AS "inKindPence", op.cpd_learner_days AS "cpdLearnerDays",
           op.ip_income_type AS "ipIncomeType", op.ktp_grant_pence::float8 AS "ktpGrantPence",
           cy.starts::text AS starts, cy.ends::text AS ends, cy.instalment_count AS "instalmentCount", cy.instalments_pence::float8 AS "instalmentsPence",
           cy.instalments_before_pence::float8 AS "instalmentsBeforePence", cy.instalments_through_pence::float8 AS "instalmentsThroughPence", ${ORGANISATION_FACTS}
      FROM hebci_contract_years cy
      JOIN opportunities op ON op.id = cy.opportunity_id
      JOIN organisations o ON o.id = op.organisation_id
      LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type
      LEFT JOIN hebci_activity_map m ON m.opportunity_type = op.type
     WHERE cy.year_start = ${yearStart}::int AND op.deleted_at IS NULL AND ${where}
     ORDER BY o.name, op.title, op.id`;
}

/** The parameters yearFiguresSql takes beside the year and the visibility/scope ones (SqlParams placeholders). */
export interface FiguresParams {
  /** The EU SME thresholds in pence at the configured rate (sme-test.ts smeThresholdsPence). */
  turnoverMax: string;
  balanceSheetMax: string;
  /** hebci-sector.ts patterns as PostgreSQL regular expressions (pgPattern). */
  nonCommercial: string;
  commercial: string;
  guarantee: string;
}

/** sme-test.ts ownSize's size over the organisation `a`, in SQL. */
const ownSizeSql = (a: string, p: FiguresParams) => `CASE
  WHEN ${a}.headcount >= ${SME_MAX_STAFF_EXCLUSIVE} THEN 'large'
  WHEN ${a}.turnover_pence::float8 > ${p.turnoverMax}::float8 AND ${a}.balance_sheet_pence::float8 > ${p.balanceSheetMax}::float8 THEN 'large'
  WHEN ${a}.headcount IS NOT NULL AND (${a}.turnover_pence::float8 <= ${p.turnoverMax}::float8 OR ${a}.balance_sheet_pence::float8 <= ${p.balanceSheetMax}::float8) THEN 'sme'
  WHEN ${a}.size_band = 'large' THEN 'large'
  WHEN ${a}.size_band IN ('micro', 'small', 'medium') THEN 'sme'
  ELSE 'unknown' END`;

/** hebci-sector.ts hebciSector: whether `o` (with its type's sector `s`) is commercial, in SQL. */
const commercialSql = (p: FiguresParams) => {
  const words = `nullif(regexp_replace(o.company_category, '[-_]+', ' ', 'g'), '')`;
  return `CASE WHEN coalesce(${words} ~* ${p.nonCommercial}, false) THEN false
    WHEN coalesce(${words} ~* ${p.commercial} AND ${words} !~* ${p.guarantee}, false) THEN true
    ELSE coalesce(s.commercial, false) END`;
};

/** hebci-income.ts share(): the year's share of `total` by the contract's rule, over w's whole/before/through (all float8, as in JavaScript). */
const shareSql = (total: string) =>
  `(CASE WHEN w.whole = 0 THEN 0::float8 ELSE floor((${total}) * w.through / w.whole + 0.5) - floor((${total}) * w.before / w.whole + 0.5) END)`;

/**
 * The HE-BCI return's figures for the academic year starting 1 August of `yearStart`, computed
 * set-wise over the same contracts as wonInYearSql (hebci_contract_years, visible and in scope
 * by `where` over `op`), with HESA's rules exactly as the per-record path applies them:
 * - each contract's income and its shares by hebci-income.ts yearIncomeOf (float8 arithmetic as
 *   JavaScript's, Math.round as floor(x + 0.5));
 * - its organisation's partner type by hebci-sector.ts and sme-test.ts smeDecision over the
 *   parent chain (walked up while the test needs it: a chain stops at a large member, a share
 *   under 25 %, its top or a repeat; the group is large when the member it stops at is, else
 *   unknown when any member up to there is, else SME);
 * - its parts by hebci-lines.ts contractParts.
 * Answers a few dozen rows: `kind` line (by category, measure, funding source, IP income type
 * and partner type), cell (by category and partner type), unknown (an organisation whose size is
 * unknown, with its contracts and `rank`, its first appearance in the records' order) and
 * not_returned (the contracts whose type is not in the return).
 */
export function yearFiguresSql(yearStart: string, where: string, p: FiguresParams): string {
  const from = `make_date(${yearStart}::int, 8, 1)`;
  const to = `make_date(${yearStart}::int + 1, 7, 31)`;
  const days = `(greatest(cy.ends, cy.starts) - cy.starts + 1)`;
  return `
    WITH RECURSIVE c AS MATERIALIZED (
      SELECT op.id, op.title, op.type, op.organisation_id AS org, o.name, m.category, op.funding_source, op.ip_income_type,
             op.value_pence::float8 AS value, op.ktp_grant_pence::float8 AS ktp, op.in_kind_pence::float8 AS in_kind, op.cpd_learner_days::float8 AS learner_days,
             cy.instalment_count > 0 AS by_instalments,
             CASE WHEN cy.instalment_count > 0 THEN cy.instalments_pence::float8 ELSE ${days}::float8 END AS whole,
             CASE WHEN cy.instalment_count > 0 THEN cy.instalments_before_pence::float8 ELSE least(greatest(${from} - cy.starts, 0), ${days})::float8 END AS before,
             CASE WHEN cy.instalment_count > 0 THEN cy.instalments_through_pence::float8 ELSE least(greatest(${to} - cy.starts + 1, 0), ${days})::float8 END AS through,
             o.parent_id, coalesce(o.parent_ownership_percent, 100) >= ${GROUP_SHARE_PERCENT} AS held, ${ownSizeSql('o', p)} AS own, ${commercialSql(p)} AS commercial
        FROM hebci_contract_years cy
        JOIN opportunities op ON op.id = cy.opportunity_id
        JOIN organisations o ON o.id = op.organisation_id
        LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type
        LEFT JOIN hebci_activity_map m ON m.opportunity_type = op.type
       WHERE cy.year_start = ${yearStart}::int AND op.deleted_at IS NULL AND ${where}
    ), chain AS (
      SELECT g.org, g.parent_id AS next, g.own, g.own = 'unknown' AS any_unknown, ARRAY[g.org] AS path, 0 AS depth
        FROM (SELECT DISTINCT org, parent_id, own FROM c WHERE commercial AND parent_id IS NOT NULL AND own <> 'large' AND held) g
      UNION ALL
      SELECT ch.org, CASE WHEN x.own <> 'large' AND x.held THEN x.parent_id END, x.own, ch.any_unknown OR x.own = 'unknown', ch.path || x.id, ch.depth + 1
        FROM chain ch CROSS JOIN LATERAL (
          SELECT o.id, o.parent_id, coalesce(o.parent_ownership_percent, 100) >= ${GROUP_SHARE_PERCENT} AS held, ${ownSizeSql('o', p)} AS own
            FROM organisations o WHERE o.id = ch.next AND o.id <> ALL(ch.path) LIMIT 1) x
    ), grp AS (
      SELECT DISTINCT ON (org) org, CASE WHEN own = 'large' THEN 'large' WHEN any_unknown THEN 'unknown' ELSE 'sme' END AS size
        FROM chain ORDER BY org, depth DESC
    ), w AS (
      SELECT c.*, CASE WHEN NOT c.commercial THEN 'non_commercial' ELSE CASE coalesce(grp.size, c.own) WHEN 'sme' THEN 'sme' WHEN 'large' THEN 'other_commercial' ELSE 'unknown' END END AS partner
        FROM c LEFT JOIN grp ON grp.org = c.org
       WHERE c.category IS NOT NULL
    ), i AS (
      SELECT w.*, CASE WHEN w.by_instalments THEN w.through - w.before ELSE ${shareSql('w.value')} END AS amount, ${shareSql('1000000')} AS probe,
             CASE WHEN w.type = 'ktp' AND w.ktp IS NOT NULL THEN ${shareSql('w.ktp')} END AS ktp_share,
             CASE WHEN coalesce(w.in_kind, 0) <> 0 THEN ${shareSql('w.in_kind')} ELSE 0 END AS in_kind_share,
             CASE WHEN coalesce(w.learner_days, 0) <> 0 THEN ${shareSql('w.learner_days')} ELSE 0 END AS days_share
        FROM w
    ), r AS (
      SELECT i.*, coalesce(i.ktp_share, i.amount) AS grant_share FROM i WHERE i.amount <> 0 OR i.probe <> 0
    ), parts AS (
      SELECT r.category, x.measure, x.funding_source, x.ip_income_type, x.partner_type, x.value, x.learner_days
        FROM r CROSS JOIN LATERAL (VALUES
          (r.category = 'collaborative_research', 'public_funding', r.funding_source, NULL::text, NULL::text, r.grant_share, NULL::float8),
          (r.category = 'collaborative_research', 'cash_contribution', NULL, NULL, r.partner, r.amount - r.grant_share, NULL),
          (r.category = 'collaborative_research', 'in_kind', NULL, NULL, r.partner, r.in_kind_share, NULL),
          (r.category = 'regeneration', 'income', r.funding_source, NULL, NULL, r.amount, NULL),
          (r.category = 'ip_licensing', 'income', NULL, r.ip_income_type, r.partner, r.amount, NULL),
          (r.category NOT IN ('collaborative_research', 'regeneration', 'ip_licensing'), 'income', NULL, NULL, r.partner, r.amount, NULL),
          (r.category = 'cpd_continuing_education', 'learner_days', NULL, NULL, r.partner, 0, r.days_share)
        ) x(applies, measure, funding_source, ip_income_type, partner_type, value, learner_days)
       WHERE x.applies AND (x.value <> 0 OR coalesce(x.learner_days, 0) <> 0)
    )
    SELECT 'line' AS kind, category, measure, funding_source AS "fundingSource", ip_income_type AS "ipIncomeType", partner_type AS "partnerType",
           sum(value::bigint)::float8 AS "valuePence", sum(learner_days::bigint)::float8 AS "learnerDays", count(*)::int AS count,
           NULL::uuid AS "organisationId", NULL AS name, NULL::bigint AS rank
      FROM parts GROUP BY category, measure, funding_source, ip_income_type, partner_type
    UNION ALL
    SELECT 'cell', category, NULL, NULL, NULL, partner, sum(amount::bigint)::float8, NULL, count(*)::int, NULL, NULL, NULL
      FROM r WHERE amount <> 0 GROUP BY category, partner
    UNION ALL
    SELECT 'unknown', NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, org, min(name), min(rank)
      FROM (SELECT org, name, row_number() OVER (ORDER BY name, title, id) AS rank FROM r WHERE partner = 'unknown') u GROUP BY org
    UNION ALL
    SELECT 'not_returned', NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, NULL, NULL, NULL FROM c WHERE category IS NULL`;
}
