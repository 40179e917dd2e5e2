import { JOB_TITLES, ROLES } from '../demo-story';
import { busyOrganisation, chunked, idOf, pick, ScaleRun, series, ukDay, weighted } from './sql';
import { MORE_FIRST_NAMES, MORE_LAST_NAMES } from './words';
import { ScalePlan } from './plan';

const CHUNK = 50_000;

/**
 * How many contacts every organisation is sure to have: contacts k, k + N, … (up to this many)
 * work at organisation k, so engagements can name people present without a lookup.
 */
export const contactsPerOrganisation = (plan: ScalePlan) => Math.min(2, Math.floor(plan.contacts / plan.organisations));

/** The organisation (by number) contact `c` works at now: the guaranteed ones first, the rest where the activity is. */
const organisationOf = (plan: ScalePlan, c: string, r: string) => {
  const guaranteed = contactsPerOrganisation(plan) * plan.organisations;
  return `CASE WHEN ${c} <= ${guaranteed} THEN 1 + (${c} - 1) % ${plan.organisations} ELSE ${busyOrganisation(plan, r)} END`;
};

/**
 * Contacts with an email at their employer's domain, a lawful basis and consent where it is
 * consent; a current affiliation each, and for a quarter a past one at another organisation
 * (people who moved employer keep their history); a 'create' audit event each.
 */
export async function seedContacts(run: ScaleRun): Promise<number> {
  const { plan } = run;
  return chunked(run, 'contacts', plan.contacts, CHUNK, async (from, to, db) => {
    await db.query(`
      CREATE TEMP TABLE scale_contacts ON COMMIT DROP AS
      SELECT g.n, ${idOf(run, 'contact', 'g.n')} AS id, ${idOf(run, 'organisation', organisationOf(plan, 'g.n', 'g.r1'))} AS organisation_id,
             ${pick(MORE_FIRST_NAMES, 'g.r2')} AS first_name, ${pick(MORE_LAST_NAMES, 'g.r3')} AS last_name,
             ${weighted('g.r4', [['legitimate_interests', 55], ['consent', 20], ['contract', 15], [null, 10]])} AS lawful_basis,
             g.r5 < 0.35 AS marketing_opt_in, g.r6 AS r_created, g.r7 < 0.25 AS moved, ${idOf(run, 'organisation', busyOrganisation(plan, 'g.r8'))} AS previous_id,
             ${pick(ROLES, 'g.r9')} AS role, g.r10 AS r_phone, ${pick(JOB_TITLES, 'g.r11')} AS job_title,
             ${weighted('g.r12', [['email', 50], ['phone', 25], ['in_person', 10], ['video', 10], ['post', 5]])} AS preferred_channel,
             g.r13 < 0.1 AS withdrawn, ${pick(['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk'], 'g.r14')} AS personal_domain
        FROM ${series(from, to, 14)}`);
    await db.query(`
      WITH ins AS (
        INSERT INTO contacts (id, first_name, last_name, emails, phones, job_title, preferred_channel, lawful_basis, marketing_opt_in, owner_id, created_at, updated_at)
        SELECT c.id, c.first_name, c.last_name,
               ARRAY[lower(regexp_replace(c.first_name || '.' || c.last_name, '[^A-Za-z.]', '', 'g')) || c.n || '@' || coalesce(bce_domain(o.website), c.personal_domain)],
               ARRAY['0' || (1130 + floor(c.r_phone * 8000)::int) || ' ' || (100000 + floor(c.r_phone * 1e9)::bigint % 900000)],
               c.job_title, c.preferred_channel, c.lawful_basis, c.marketing_opt_in, o.owner_id,
               o.created_at + (now() - o.created_at) * c.r_created * 0.3, o.created_at + (now() - o.created_at) * c.r_created * 0.3
          FROM scale_contacts c JOIN organisations o ON o.id = c.organisation_id
        RETURNING id, first_name, last_name, owner_id, created_at
      )
      INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
      SELECT created_at, owner_id, 'contact', id, 'create',
             jsonb_build_object('firstName', jsonb_build_object('old', NULL, 'new', first_name), 'lastName', jsonb_build_object('old', NULL, 'new', last_name))
        FROM ins`);
    await db.query(`
      INSERT INTO affiliations (contact_id, organisation_id, role, from_date, to_date, is_primary, created_at, updated_at)
      SELECT c.id, c.organisation_id, c.role, CASE WHEN c.moved THEN ${ukDay("k.created_at - interval '30 days'")} END, NULL, true, k.created_at, k.created_at
        FROM scale_contacts c JOIN contacts k ON k.id = c.id
      UNION ALL
      SELECT c.id, c.previous_id, c.role, ${ukDay("k.created_at - interval '2000 days'")}, ${ukDay("k.created_at - interval '30 days'")}, false, k.created_at, k.created_at
        FROM scale_contacts c JOIN contacts k ON k.id = c.id WHERE c.moved AND c.previous_id <> c.organisation_id`);
    await db.query(`
      INSERT INTO consent_records (contact_id, purpose, method, given_at, withdrawn_at, recorded_by, created_at)
      SELECT c.id, 'Marketing emails about courses and events', ${pick(['Web form', 'Event sign-up sheet', 'Email reply', 'Phone call'], 'c.r_phone')},
             k.created_at, CASE WHEN c.withdrawn THEN k.created_at + (now() - k.created_at) / 2 END, k.owner_id, k.created_at
        FROM scale_contacts c JOIN contacts k ON k.id = c.id WHERE c.lawful_basis = 'consent' OR c.marketing_opt_in`);
  }, { parallel: true });
}
