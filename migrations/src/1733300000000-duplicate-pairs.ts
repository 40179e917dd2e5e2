import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation duplicate candidates, precomputed. Probing the trigram index once per organisation
 * at query time took 88 s for a list page over 20,000 organisations; the duplicate scanner now
 * works through organisations created or changed since its high-water mark, in chunks, and keeps
 * their pairs here, so the list is one index scan. Each pair is stored once (a_id < b_id) with its
 * score and reasons as the list shows them; visibility, dismissals and archiving are applied when
 * the list is read, so the table never has to be rewritten for those.
 */
export class DuplicatePairs1733300000000 implements MigrationInterface {
  name = 'DuplicatePairs1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_duplicate_pairs (
        a_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        b_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        score numeric NOT NULL CHECK (score > 0),
        reasons jsonb NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (a_id, b_id),
        CHECK (a_id < b_id)
      )`);
    // The list's keyset order; b_id so a rescan can delete an organisation's pairs from either side.
    await q.query(`CREATE INDEX organisation_duplicate_pairs_rank_idx ON organisation_duplicate_pairs (score DESC, a_id, b_id)`);
    await q.query(`CREATE INDEX organisation_duplicate_pairs_b_idx ON organisation_duplicate_pairs (b_id)`);

    // One row: how far the scanner has got through organisations in (updated_at, id) order.
    await q.query(`
      CREATE TABLE duplicate_scan_state (
        kind text PRIMARY KEY CHECK (kind IN ('organisation')),
        scanned_updated_at timestamptz,
        scanned_id uuid,
        last_scanned_at timestamptz
      )`);
    await q.query(`INSERT INTO duplicate_scan_state (kind) VALUES ('organisation')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duplicate_scan_state`);
    await q.query(`DROP TABLE organisation_duplicate_pairs`);
  }
}
