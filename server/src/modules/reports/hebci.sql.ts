import { ukDateSql } from '../../common/database/uk-today';

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
 * The won contracts with income in the year `from`–`to` (parameters), visible and in scope
 * (`where`, over `op`), with their instalments summed against the year (hebci-income.ts
 * InstalmentTotals), heading and organisation's size facts, in name order. One pass: the
 * instalments are summed once for the table (a hash join, not a subquery per contract), and a
 * contract is in the year by an instalment in it or, without instalments, by its delivery days
 * meeting it.
 */
export function wonInYearSql(from: string, to: string, where: string): string {
  const wonDay = ukDateSql('op.won_at');
  return `
    WITH inst AS (
      SELECT i.opportunity_id, count(*)::int AS "instalmentCount", coalesce(sum(i.amount_pence), 0)::float8 AS "instalmentsPence",
             coalesce(sum(i.amount_pence) FILTER (WHERE coalesce(i.received_on, i.due_on) < ${from}::date), 0)::float8 AS "instalmentsBeforePence",
             coalesce(sum(i.amount_pence) FILTER (WHERE coalesce(i.received_on, i.due_on) <= ${to}::date), 0)::float8 AS "instalmentsThroughPence",
             bool_or(coalesce(i.received_on, i.due_on) BETWEEN ${from}::date AND ${to}::date) AS in_year
        FROM opportunity_instalments i GROUP BY 1
    ), won AS (
      SELECT op.*, coalesce(op.start_date, ${wonDay}) AS starts,
             greatest(coalesce(op.end_date, op.start_date, ${wonDay}), coalesce(op.start_date, ${wonDay})) AS ends
        FROM opportunities op JOIN opportunity_stages st ON st.id = op.stage_id AND st.outcome = 'won'
       WHERE op.deleted_at IS NULL AND op.won_at IS NOT NULL AND ${where}
    )
    SELECT op.id, op.title, op.type, op.value_pence::float8 AS "valuePence", op.organisation_id AS "organisationId", m.category,
           op.funding_source AS "fundingSource", op.in_kind_pence::float8 AS "inKindPence", op.cpd_learner_days AS "cpdLearnerDays",
           op.ip_income_type AS "ipIncomeType", op.ktp_grant_pence::float8 AS "ktpGrantPence",
           op.starts::text AS starts, op.ends::text AS ends, coalesce(inst."instalmentCount", 0) AS "instalmentCount", inst."instalmentsPence",
           inst."instalmentsBeforePence", inst."instalmentsThroughPence", ${ORGANISATION_FACTS}
      FROM won op
      LEFT JOIN inst ON inst.opportunity_id = op.id
      JOIN organisations o ON o.id = op.organisation_id
      LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type
      LEFT JOIN hebci_activity_map m ON m.opportunity_type = op.type
     WHERE CASE WHEN inst.opportunity_id IS NOT NULL THEN inst.in_year ELSE op.starts <= ${to}::date AND op.ends >= ${from}::date END
     ORDER BY o.name, op.title, op.id`;
}
