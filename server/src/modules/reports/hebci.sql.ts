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

/** hebci-income.ts share(): the year's share of `total` by the contract's rule, over whole/before/through (all float8, as in JavaScript). */
const shareSql = (total: string) =>
  `(CASE WHEN whole = 0 THEN 0::float8 ELSE floor((${total}) * through / whole + 0.5) - floor((${total}) * before / whole + 0.5) END)`;

/**
 * The HE-BCI return's figures for the academic year starting 1 August of `yearStart`, computed
 * set-wise over the same contracts as wonInYearSql (hebci_contract_years, visible and in scope
 * by `where` over `op`), with HESA's rules exactly as the per-record path applies them:
 * - each contract's income and its shares by hebci-income.ts yearIncomeOf (float8 arithmetic as
 *   JavaScript's, Math.round as floor(x + 0.5));
 * - its organisation's partner type by hebci-sector.ts and sme-test.ts smeDecision over the
 *   parent chain, walked up (only for a commercial organisation with a parent that holds 25 % or
 *   more) while the test needs it: a chain stops at a large member, a share under 25 %, its top
 *   or a repeat; the group is large when the member it stops at is, else unknown when any member
 *   up to there is, else SME.
 * One pass over the year's contracts into a narrow materialized row each, summed three ways:
 * - `kind` sums: by category, funding source, IP income type and partner type, each measure's
 *   sum and count over the records (contracts in a returned category with income or a share in
 *   the year) with a non-zero value of it, as hebci-lines.ts contractParts would part them
 *   (the service folds them into the return's lines and cells);
 * - unknown: an organisation whose size is unknown, with its records, in the records' order
 *   (organisation name, then title and id of its first record);
 * - total: the contracts whose type is not in the return.
 */
export function yearFiguresSql(yearStart: string, where: string, p: FiguresParams): string {
  const from = `make_date(${yearStart}::int, 8, 1)`;
  const to = `make_date(${yearStart}::int + 1, 7, 31)`;
  const days = `(greatest(cy.ends, cy.starts) - cy.starts + 1)`;
  const held = (a: string) => `coalesce(${a}.parent_ownership_percent, 100) >= ${GROUP_SHARE_PERCENT}`;
  const groupSize = `(WITH RECURSIVE chain AS (
      SELECT o.parent_id AS next, ARRAY[o.id] AS path, ${ownSizeSql('o', p)} AS own, ${ownSizeSql('o', p)} = 'unknown' AS any_unknown, 0 AS depth
      UNION ALL
      SELECT CASE WHEN x.own <> 'large' AND x.held THEN x.parent_id END, ch.path || x.id, x.own, ch.any_unknown OR x.own = 'unknown', ch.depth + 1
        FROM chain ch CROSS JOIN LATERAL (
          SELECT g.id, g.parent_id, ${held('g')} AS held, ${ownSizeSql('g', p)} AS own FROM organisations g WHERE g.id = ch.next AND g.id <> ALL(ch.path) LIMIT 1) x
    ) SELECT CASE WHEN own = 'large' THEN 'large' WHEN any_unknown THEN 'unknown' ELSE 'sme' END FROM chain ORDER BY depth DESC LIMIT 1)`;
  const sum = (value: string) => `sum((${value})::bigint) FILTER (WHERE included AND (${value}) <> 0)::float8`;
  const count = (value: string) => `count(*) FILTER (WHERE included AND (${value}) <> 0)::int`;
  const figures = `${sum('amount')} AS "incomePence", ${count('amount')} AS "incomeCount",
           ${sum('grant_share')} AS "grantPence", ${count('grant_share')} AS "grantCount",
           ${sum('amount - grant_share')} AS "companyPence", ${count('amount - grant_share')} AS "companyCount",
           ${sum('in_kind_share')} AS "inKindPence", ${count('in_kind_share')} AS "inKindCount",
           ${sum('days_share')} AS "learnerDays", ${count('days_share')} AS "learnerDaysCount"`;
  return `
    WITH r AS MATERIALIZED (
      SELECT category, funding_source, ip_income_type, partner, amount, coalesce(ktp_share, amount) AS grant_share, in_kind_share, days_share,
             category IS NOT NULL AND (amount <> 0 OR probe <> 0) AS included,
             -- Only the organisations of unknown size are listed, so only their rows carry what orders the list.
             CASE WHEN partner = 'unknown' THEN org END AS org, CASE WHEN partner = 'unknown' THEN name END AS name,
             CASE WHEN partner = 'unknown' THEN title END AS title, CASE WHEN partner = 'unknown' THEN id END AS id
        FROM (
            SELECT *, CASE WHEN by_instalments THEN through - before ELSE ${shareSql('value')} END AS amount, ${shareSql('1000000')} AS probe,
                   CASE WHEN type = 'ktp' AND ktp IS NOT NULL THEN ${shareSql('ktp')} END AS ktp_share,
                   CASE WHEN coalesce(in_kind, 0) <> 0 THEN ${shareSql('in_kind')} ELSE 0 END AS in_kind_share,
                   CASE WHEN coalesce(learner_days, 0) <> 0 THEN ${shareSql('learner_days')} ELSE 0 END AS days_share,
                   CASE WHEN NOT commercial THEN 'non_commercial' ELSE CASE coalesce(group_size, own) WHEN 'sme' THEN 'sme' WHEN 'large' THEN 'other_commercial' ELSE 'unknown' END END AS partner
              FROM (
                SELECT cy.id, cy.title, cy.type, cy.organisation_id AS org, o.name, m.category, cy.funding_source, cy.ip_income_type,
                       cy.value_pence::float8 AS value, cy.ktp_grant_pence::float8 AS ktp, cy.in_kind_pence::float8 AS in_kind, cy.cpd_learner_days::float8 AS learner_days,
                       cy.instalment_count > 0 AS by_instalments,
                       CASE WHEN cy.instalment_count > 0 THEN cy.instalments_pence::float8 ELSE ${days}::float8 END AS whole,
                       CASE WHEN cy.instalment_count > 0 THEN cy.instalments_before_pence::float8 ELSE least(greatest(${from} - cy.starts, 0), ${days})::float8 END AS before,
                       CASE WHEN cy.instalment_count > 0 THEN cy.instalments_through_pence::float8 ELSE least(greatest(${to} - cy.starts + 1, 0), ${days})::float8 END AS through,
                       ${ownSizeSql('o', p)} AS own, ${commercialSql(p)} AS commercial,
                       CASE WHEN o.parent_id IS NOT NULL AND ${held('o')} AND ${ownSizeSql('o', p)} <> 'large' AND ${commercialSql(p)} THEN ${groupSize} END AS group_size
                  -- The year's contracts first (a fence: the planner would otherwise hash every opportunity against every organisation).
                  FROM (SELECT op.id, op.title, op.type, op.organisation_id, op.funding_source, op.ip_income_type, op.value_pence, op.ktp_grant_pence,
                               op.in_kind_pence, op.cpd_learner_days, cy.starts, cy.ends, cy.instalment_count, cy.instalments_pence,
                               cy.instalments_before_pence, cy.instalments_through_pence
                          FROM hebci_contract_years cy JOIN opportunities op ON op.id = cy.opportunity_id
                         WHERE cy.year_start = ${yearStart}::int AND op.deleted_at IS NULL AND ${where} OFFSET 0) cy
                  JOIN organisations o ON o.id = cy.organisation_id
                  LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type
                  LEFT JOIN hebci_activity_map m ON m.opportunity_type = cy.type
              ) c OFFSET 0
        ) i
    )
    SELECT 'sums' AS kind, category, funding_source AS "fundingSource", ip_income_type AS "ipIncomeType", partner AS "partnerType", ${figures},
           NULL::int AS "unknownCount", NULL::int AS "notReturned", NULL::uuid AS "organisationId", NULL AS name, NULL AS "firstTitle", NULL::uuid AS "firstId"
      FROM r WHERE included GROUP BY category, funding_source, ip_income_type, partner
    UNION ALL
    SELECT 'unknown', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           count(*)::int, NULL, org, min(name), min(title), (array_agg(id ORDER BY title, id))[1]
      FROM r WHERE included AND partner = 'unknown' GROUP BY org
    UNION ALL
    SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE category IS NULL)::int, NULL, NULL, NULL, NULL
      FROM r
     ORDER BY kind, name, "firstTitle", "firstId"`;
}
