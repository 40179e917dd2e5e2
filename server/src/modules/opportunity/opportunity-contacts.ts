import { EntityManager } from 'typeorm';

/** Replaces an opportunity's contacts; returns the old list (sorted) for the audit trail. */
export async function replaceContacts(tx: EntityManager, opportunityId: string, contactIds: string[]): Promise<string[]> {
  const old = (await tx.query('SELECT contact_id FROM opportunity_contacts WHERE opportunity_id = $1 ORDER BY contact_id', [opportunityId]))
    .map((r: { contact_id: string }) => r.contact_id);
  await tx.query('DELETE FROM opportunity_contacts WHERE opportunity_id = $1', [opportunityId]);
  if (contactIds.length) {
    await tx.query('INSERT INTO opportunity_contacts (opportunity_id, contact_id) SELECT $1, unnest($2::uuid[])', [opportunityId, contactIds]);
  }
  return old;
}
