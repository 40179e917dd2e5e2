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
