import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The HE-BCI return's per-contract, per-academic-year basis, kept current on write: one row for
 * each won, live contract and each academic year (1 Aug – 31 Jul, `year_start` the first
 * calendar year) it counts in, with what the income rule (server/src/modules/reports/hebci-income.ts)
 * needs for that year: the contract's delivery days and its instalments summed against the year.
 * A contract counts in a year by an instalment (received, else due) in it or, without
 * instalments, by its delivery days meeting it, exactly as the report's read used to derive it
 * from every instalment of every contract on each request.
 *
 * Triggers own it, so no write path (the API, imports, merges, deletions, undo, SQL) can leave it
 * stale: a contract's rows are rebuilt in the same transaction whenever it is inserted, its stage,
 * won time, dates or deletion change, any of its instalments is added, changed or removed, or its
 * stage's outcome is redefined. Inserts and instalment writes are handled once a statement from
 * transition tables (a row trigger cost an import about 2.5 ms a row at 100k organisations);
 * updates and deletes of opportunities keep a row trigger, since PostgreSQL allows no transition
 * table on an UPDATE OF <columns> trigger and those paths write one record at a time. Organisation facts, mappings, scoping and confidentiality are not copied:
 * the report joins them live, so they behave exactly as before.
 */
const WON_DAY = `((op.won_at AT TIME ZONE 'Europe/London')::date)`;

/** The rows for the won, live contracts `op` satisfying `opWhere`, whose instalments `i` satisfy `instWhere`. */
const contractYears = (opWhere: string, instWhere: string) => `
  WITH won AS (
    SELECT op.id, coalesce(op.start_date, ${WON_DAY}) AS starts,
           greatest(coalesce(op.end_date, op.start_date, ${WON_DAY}), coalesce(op.start_date, ${WON_DAY})) AS ends
      FROM opportunities op JOIN opportunity_stages st ON st.id = op.stage_id AND st.outcome = 'won'
     WHERE op.deleted_at IS NULL AND op.won_at IS NOT NULL AND ${opWhere}
  ), inst AS (
    SELECT i.opportunity_id, coalesce(i.received_on, i.due_on) AS day, i.amount_pence FROM opportunity_instalments i WHERE ${instWhere}
  ), years AS (
    SELECT DISTINCT inst.opportunity_id AS id, hebci_academic_year(inst.day) AS year_start FROM inst JOIN won ON won.id = inst.opportunity_id
    UNION ALL
    SELECT won.id, generate_series(hebci_academic_year(won.starts), hebci_academic_year(won.ends))
      FROM won WHERE NOT EXISTS (SELECT 1 FROM inst WHERE inst.opportunity_id = won.id)
  )
  SELECT y.id, y.year_start, w.starts, w.ends, count(i.amount_pence)::int,
         coalesce(sum(i.amount_pence), 0), coalesce(sum(i.amount_pence) FILTER (WHERE i.day < make_date(y.year_start, 8, 1)), 0),
         coalesce(sum(i.amount_pence) FILTER (WHERE i.day <= make_date(y.year_start + 1, 7, 31)), 0)
    FROM years y JOIN won w ON w.id = y.id LEFT JOIN inst i ON i.opportunity_id = y.id
   GROUP BY y.id, y.year_start, w.starts, w.ends`;

const COLUMNS = 'opportunity_id, year_start, starts, ends, instalment_count, instalments_pence, instalments_before_pence, instalments_through_pence';

export class HeBciContractYears1735200000000 implements MigrationInterface {
  name = 'HeBciContractYears1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hebci_academic_year(day date) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT extract(year FROM day)::int - CASE WHEN extract(month FROM day) < 8 THEN 1 ELSE 0 END $$`);
    await q.query(`
      CREATE TABLE hebci_contract_years (
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        year_start int NOT NULL,
        starts date NOT NULL,
        ends date NOT NULL CHECK (ends >= starts),
        instalment_count int NOT NULL,
        instalments_pence bigint NOT NULL,
        instalments_before_pence bigint NOT NULL,
        instalments_through_pence bigint NOT NULL,
        PRIMARY KEY (year_start, opportunity_id)
      )`);
    await q.query(`CREATE INDEX hebci_contract_years_opportunity_idx ON hebci_contract_years (opportunity_id)`);
    await q.query(`
      CREATE FUNCTION hebci_contract_years_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- Two transactions writing the same contract's instalments take turns: the second waits here, then
        -- (read committed: each statement a new snapshot) rebuilds from what the first committed.
        PERFORM 1 FROM opportunities WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM hebci_contract_years WHERE opportunity_id = ANY(ids);
        INSERT INTO hebci_contract_years (${COLUMNS}) ${contractYears('op.id = ANY(ids)', 'i.opportunity_id = ANY(ids)')};
      END $$`);
    // One record at a time (the API's updates, archive, restore, a hard delete): a row trigger on the columns that matter.
    await q.query(`
      CREATE FUNCTION hebci_contract_years_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'opportunities' THEN
          PERFORM hebci_contract_years_refresh(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END]);
        ELSE -- opportunity_stages: its outcome was redefined
          PERFORM hebci_contract_years_refresh(ARRAY(SELECT id FROM opportunities WHERE stage_id = NEW.id));
        END IF;
        RETURN NULL;
      END $$`);
    // Many at a time (an import's INSERT … SELECT, instalments replaced or cascaded): once a statement, from its transition tables.
    await q.query(`
      CREATE FUNCTION hebci_contract_years_keep_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'opportunities' THEN
          PERFORM hebci_contract_years_refresh(ARRAY(SELECT id FROM new_rows WHERE won_at IS NOT NULL AND deleted_at IS NULL));
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM hebci_contract_years_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM hebci_contract_years_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM old_rows));
        ELSE
          PERFORM hebci_contract_years_refresh(ARRAY(SELECT opportunity_id FROM old_rows UNION SELECT opportunity_id FROM new_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER opportunities_hebci_contract_years AFTER DELETE OR UPDATE OF stage_id, won_at, start_date, end_date, deleted_at
      ON opportunities FOR EACH ROW EXECUTE FUNCTION hebci_contract_years_keep()`);
    await q.query(`CREATE TRIGGER opportunities_hebci_contract_years_insert AFTER INSERT ON opportunities REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION hebci_contract_years_keep_set()`);
    for (const [event, tables] of [['INSERT', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows']]) {
      await q.query(`CREATE TRIGGER opportunity_instalments_hebci_contract_years_${event.toLowerCase()} AFTER ${event} ON opportunity_instalments
        REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION hebci_contract_years_keep_set()`);
    }
    await q.query(`CREATE TRIGGER opportunity_stages_hebci_contract_years AFTER UPDATE OF outcome
      ON opportunity_stages FOR EACH ROW WHEN (OLD.outcome IS DISTINCT FROM NEW.outcome) EXECUTE FUNCTION hebci_contract_years_keep()`);
    // Backfill: every won contract at once (the same rows the triggers keep).
    await q.query(`INSERT INTO hebci_contract_years (${COLUMNS}) ${contractYears('true', 'true')}`);
    await q.query(`ANALYZE hebci_contract_years`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS opportunity_stages_hebci_contract_years ON opportunity_stages`);
    for (const event of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER IF EXISTS opportunity_instalments_hebci_contract_years_${event} ON opportunity_instalments`);
    await q.query(`DROP TRIGGER IF EXISTS opportunities_hebci_contract_years_insert ON opportunities`);
    await q.query(`DROP TRIGGER IF EXISTS opportunities_hebci_contract_years ON opportunities`);
    await q.query(`DROP FUNCTION IF EXISTS hebci_contract_years_keep_set()`);
    await q.query(`DROP FUNCTION IF EXISTS hebci_contract_years_keep()`);
    await q.query(`DROP FUNCTION IF EXISTS hebci_contract_years_refresh(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS hebci_contract_years`);
    await q.query(`DROP FUNCTION IF EXISTS hebci_academic_year(date)`);
  }
}
