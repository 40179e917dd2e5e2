import { EntityManager } from 'typeorm';

/** The database's clock for this transaction (now() is fixed per transaction), so every stamp of one change agrees. */
export async function transactionTime(tx: EntityManager): Promise<Date> {
  const [{ now }] = await tx.query('SELECT now() AS now');
  return now;
}

/**
 * Records that an opportunity entered a stage at `at`: the stay in its current stage (if any) ends
 * at the same instant. The unique index on open rows makes a second open stay impossible.
 */
export async function enterStageHistory(tx: EntityManager, opportunityId: string, stageId: string, movedBy: string, at: Date): Promise<void> {
  await tx.query('UPDATE opportunity_stage_history SET left_at = $2 WHERE opportunity_id = $1 AND left_at IS NULL', [opportunityId, at]);
  await tx.query('INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_at, moved_by) VALUES ($1, $2, $3, $4)', [opportunityId, stageId, at, movedBy]);
}
