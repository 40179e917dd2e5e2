import { DataSource } from 'typeorm';

/** The academic years (first calendar year) the from-scratch derivation is compared over. */
const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028];

/**
 * One academic year's won contracts from scratch ($n or a literal: the year's first calendar
 * year), as the HE-BCI report derived them before hebci_contract_years: every instalment of every
 * contract summed against the year, and a contract in the year by an instalment in it or, without
 * instalments, by its delivery days meeting it.
 */
export const fromScratch = (year: string) => `
  WITH y AS (SELECT make_date(${year}::int, 8, 1) AS "from", make_date(${year}::int + 1, 7, 31) AS "to"),
  inst AS (
    SELECT i.opportunity_id, count(*)::int AS n, sum(i.amount_pence) AS total,
           coalesce(sum(i.amount_pence) FILTER (WHERE coalesce(i.received_on, i.due_on) < y."from"), 0) AS before,
           coalesce(sum(i.amount_pence) FILTER (WHERE coalesce(i.received_on, i.due_on) <= y."to"), 0) AS through,
           bool_or(coalesce(i.received_on, i.due_on) BETWEEN y."from" AND y."to") AS in_year
      FROM opportunity_instalments i, y GROUP BY 1
  ), won AS (
    SELECT op.*, coalesce(op.start_date, (op.won_at AT TIME ZONE 'Europe/London')::date) AS starts,
           greatest(coalesce(op.end_date, op.start_date, (op.won_at AT TIME ZONE 'Europe/London')::date),
                    coalesce(op.start_date, (op.won_at AT TIME ZONE 'Europe/London')::date)) AS ends
      FROM opportunities op JOIN opportunity_stages st ON st.id = op.stage_id AND st.outcome = 'won'
     WHERE op.deleted_at IS NULL AND op.won_at IS NOT NULL
  )
  SELECT op.id AS opportunity_id, ${year}::int AS year_start, op.starts, op.ends, coalesce(inst.n, 0) AS instalment_count,
         coalesce(inst.total, 0) AS instalments_pence, coalesce(inst.before, 0) AS instalments_before_pence, coalesce(inst.through, 0) AS instalments_through_pence
    FROM won op LEFT JOIN inst ON inst.opportunity_id = op.id, y
   WHERE CASE WHEN inst.opportunity_id IS NOT NULL THEN inst.in_year ELSE op.starts <= y."to" AND op.ends >= y."from" END`;

const COLUMNS = 'opportunity_id, year_start, starts::text, ends::text, instalment_count, instalments_pence::text, instalments_before_pence::text, instalments_through_pence::text';
const sorted = (rows: any[]) => [...rows].sort((a, b) => a.year_start - b.year_start || a.opportunity_id.localeCompare(b.opportunity_id));

/** Asserts hebci_contract_years holds exactly the from-scratch rows (over YEARS, and nothing outside them); returns its rows. */
export async function expectContractYearsCurrent(db: DataSource): Promise<any[]> {
  const kept = await db.query(`SELECT ${COLUMNS} FROM hebci_contract_years`);
  const scratch = (await Promise.all(YEARS.map((y) => db.query(`SELECT ${COLUMNS} FROM (${fromScratch(String(y))}) s`)))).flat();
  expect(sorted(kept)).toEqual(sorted(scratch));
  return kept;
}
