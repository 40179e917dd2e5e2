import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ukDateSql } from '../../common/database/uk-today';
import { Contact } from '../contact/contact.entity';

export interface DueRow { contactId: string; ruleId: string; lastEngagementOn: string | null; lastActivityOn: string }

// The latest engagement the person was at (archived ones do not count), and the day their record was made.
const LAST_ENGAGEMENT = (c: string) => `(SELECT max(re.occurred_on) FROM engagement_contacts rec JOIN engagements re ON re.id = rec.engagement_id
  WHERE rec.contact_id = ${c}.id AND re.deleted_at IS NULL)`;
const LAST_ACTIVITY = (c: string) => `greatest(${LAST_ENGAGEMENT(c)}, ${ukDateSql(`${c}.created_at`)})`;
/** `rule` applies to contact `c` on :today: no activity since the rule's period before today, and no "keep" still running. */
const DUE = (c: string, r: string) => `${r}.active AND ${r}.record_type = 'contact'
  AND ${LAST_ACTIVITY(c)} < (:today::date - make_interval(months => ${r}.period_months))::date
  AND NOT EXISTS (SELECT 1 FROM retention_reviews k WHERE k.record_type = 'contact' AND k.record_id = ${c}.id AND k.rule_id = ${r}.id
                  AND k.decision = 'keep' AND k.keep_until > :today::date)`;

/** Live, unerased contacts due under at least one active rule, for a keyset page. */
export function dueContacts(db: EntityManager, today: string): SelectQueryBuilder<Contact> {
  return db.getRepository(Contact).createQueryBuilder('c')
    .where('c.erased_at IS NULL')
    .andWhere(`EXISTS (SELECT 1 FROM retention_rules r WHERE ${DUE('c', 'r')})`, { today });
}

/** Why each of these contacts is due: the longest-period rule that applies, with the dates it went by. */
export async function dueReasons(db: EntityManager, contactIds: string[], today: string): Promise<DueRow[]> {
  if (!contactIds.length) return [];
  const [sql, params] = db.createQueryBuilder()
    .select('c.id', 'contactId').addSelect('r.id', 'ruleId')
    .addSelect(`to_char(${LAST_ENGAGEMENT('c')}, 'YYYY-MM-DD')`, 'lastEngagementOn')
    .addSelect(`to_char(${LAST_ACTIVITY('c')}, 'YYYY-MM-DD')`, 'lastActivityOn')
    .from('contacts', 'c').innerJoin('retention_rules', 'r', DUE('c', 'r'), { today })
    .where('c.id IN (:...ids)', { ids: contactIds })
    .distinctOn(['c.id']).orderBy('c.id').addOrderBy('r.period_months', 'DESC')
    .getQueryAndParameters();
  return db.query(sql, params);
}

export async function insertReview(tx: EntityManager, review: { ruleId: string; recordType: string; recordId: string; decision: string; keepUntil: string | null; userId: string }) {
  const [row] = await tx.query(
    `INSERT INTO retention_reviews (rule_id, record_type, record_id, decision, keep_until, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, rule_id AS "ruleId", record_type AS "recordType", record_id AS "recordId", decision, to_char(keep_until, 'YYYY-MM-DD') AS "keepUntil", decided_at AS "decidedAt"`,
    [review.ruleId, review.recordType, review.recordId, review.decision, review.keepUntil, review.userId]);
  return row;
}
