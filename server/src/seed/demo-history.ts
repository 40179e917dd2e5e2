import { EntityManager } from 'typeorm';

const DAY = "interval '1 day'";

/** `{field: {old: null, new: value}}` for every non-null value, as recordAudit writes a create. */
const createChanges = (pairs: string) => `(SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('old', NULL, 'new', v)), '{}')
  FROM jsonb_each(jsonb_strip_nulls(jsonb_build_object(${pairs}))) AS e(k, v) WHERE v <> '[]'::jsonb)`;

/**
 * Gives the demo records the audit trail the app itself would have written, so the History tabs
 * tell the story: who created each organisation and contact, when prospects became active
 * partners, and when people moved employer. Set-based: one statement per kind of event.
 */
export async function seedDemoHistory(tx: EntityManager, now: Date): Promise<void> {
  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT o.created_at, o.owner_id, 'organisation', o.id, 'create', ${createChanges(`
      'name', o.name, 'type', o.type, 'sector', o.sector, 'sizeBand', o.size_band, 'companiesHouseNumber', o.companies_house_number,
      'website', o.website, 'town', o.town, 'postcode', o.postcode, 'region', o.region,
      'relationshipStage', CASE WHEN o.relationship_stage IN ('active', 'strategic_partner') THEN 'prospect' ELSE o.relationship_stage END,
      'tags', to_jsonb(o.tags), 'ownerId', o.owner_id, 'departmentId', o.department_id`)}
      FROM organisations o
     ORDER BY o.created_at`);

  // Prospects that became partners: the stage change some weeks after the record was made.
  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT least(o.created_at + 75 * ${DAY}, $1::timestamptz - ${DAY}), o.owner_id, 'organisation', o.id, 'update',
           jsonb_build_object('relationshipStage', jsonb_build_object('old', 'prospect', 'new', o.relationship_stage))
      FROM organisations o
     WHERE o.relationship_stage IN ('active', 'strategic_partner')
     ORDER BY o.created_at`, [now.toISOString()]);

  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT c.created_at, c.owner_id, 'contact', c.id, 'create', ${createChanges(`
      'firstName', c.first_name, 'lastName', c.last_name, 'emails', to_jsonb(c.emails), 'phones', to_jsonb(c.phones),
      'jobTitle', c.job_title, 'preferredChannel', c.preferred_channel, 'lawfulBasis', c.lawful_basis,
      'marketingOptIn', c.marketing_opt_in, 'ownerId', c.owner_id`)}
      FROM contacts c
     ORDER BY c.created_at`);

  // People who moved on: their old affiliation was ended on the day they left.
  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT a.to_date::timestamptz + interval '10 hours', c.owner_id, 'affiliation', a.id, 'update',
           jsonb_build_object('toDate', jsonb_build_object('old', NULL, 'new', to_char(a.to_date, 'YYYY-MM-DD')),
                              'isPrimary', jsonb_build_object('old', true, 'new', false))
      FROM affiliations a JOIN contacts c ON c.id = a.contact_id
     WHERE a.to_date IS NOT NULL
     ORDER BY a.to_date`);
}
