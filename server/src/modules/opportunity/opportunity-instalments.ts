import { EntityManager } from 'typeorm';
import { OpportunityInstalmentInput } from './dto/opportunity.input';

type Instalment = Pick<OpportunityInstalmentInput, 'dueOn' | 'receivedOn' | 'amountPence' | 'note'>;
const ORDER = 'ORDER BY due_on, amount_pence, id';

/** Replaces an opportunity's instalments; returns the old list for the audit trail. */
export async function replaceInstalments(tx: EntityManager, opportunityId: string, instalments: readonly OpportunityInstalmentInput[]): Promise<Instalment[]> {
  const old: Instalment[] = await tx.query(
    `SELECT due_on::text AS "dueOn", received_on::text AS "receivedOn", amount_pence::float8 AS "amountPence", note FROM opportunity_instalments WHERE opportunity_id = $1 ${ORDER}`,
    [opportunityId]);
  await tx.query('DELETE FROM opportunity_instalments WHERE opportunity_id = $1', [opportunityId]);
  if (instalments.length) {
    await tx.query(
      `INSERT INTO opportunity_instalments (opportunity_id, due_on, received_on, amount_pence, note)
       SELECT $1, * FROM unnest($2::date[], $3::date[], $4::bigint[], $5::text[])`,
      [opportunityId, instalments.map((i) => i.dueOn), instalments.map((i) => i.receivedOn ?? null), instalments.map((i) => i.amountPence), instalments.map((i) => i.note ?? null)]);
  }
  return old;
}
