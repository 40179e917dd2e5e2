import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bulkInsert, LIST } from './bulk-insert';
import { seedDemoAssessments } from './demo-assessments';
import { seedDemoHistory } from './demo-history';
import { seedDemoOpportunities } from './demo-opportunities';
import { DEMO_ALIASES, DEMO_DEPARTMENTS, DEMO_ORGANISATIONS, DEMO_STAFF } from './demo-organisations';
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES, PLACES, prng, ROLES, STORIES, TRADES } from './demo-story';
import { ukDate } from '../common/dates/uk-dates';

const STAGES = ['active', 'prospect', 'active', 'strategic_partner', 'dormant', 'prospect'];
const TAGS = [['apprenticeships'], ['placements'], ['research'], [], ['cpd'], ['net-zero', 'research'], []];
const SUFFIXES = ['Ltd', 'Ltd', 'Group', 'plc', 'Partners', 'UK Ltd'];
const DAY = 86_400_000;

export interface DemoCounts {
  departments: number;
  organisations: number;
  contacts: number;
  engagements: number;
  tasks: number;
  opportunities: number;
}

const isoDay = (ms: number) => ukDate(new Date(ms));

/**
 * Loads the demo story once, into an empty database, in one transaction: departments, staff,
 * ~200 organisations, ~600 contacts (some moved employer), ~3,000 engagements over two years and
 * tasks. Demo staff have no password, so they cannot sign in; admins are put in a department so
 * they can log engagements straight away.
 */
export async function seedDemoData(db: DataSource, now = Date.now()): Promise<DemoCounts | null> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.query('SELECT count(*)::int AS count FROM organisations');
    if (count > 0) return null;
    const rnd = prng();

    const departmentIds = new Map<string, string>();
    for (const [name, code] of DEMO_DEPARTMENTS) {
      const [row] = await tx.query(
        `INSERT INTO departments (name, code) VALUES ($1, $2) ON CONFLICT (code) WHERE deleted_at IS NULL DO UPDATE SET name = departments.name RETURNING id`, [name, code]);
      departmentIds.set(code, row.id);
    }
    const staff: Array<{ id: string; code: string }> = [];
    for (const [name, email, role, code] of DEMO_STAFF) {
      const [row] = await tx.query(
        `INSERT INTO users (email, name, role) VALUES ($1, $2, $3) ON CONFLICT ((lower(email))) DO UPDATE SET name = users.name RETURNING id`, [email, name, role]);
      await tx.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.id, departmentIds.get(code)]);
      if (role !== 'viewer') staff.push({ id: row.id, code });
    }
    const admins: Array<{ id: string }> = await tx.query(`SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL`);
    for (const admin of admins) {
      await tx.query(`INSERT INTO user_departments (user_id, department_id) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM user_departments WHERE user_id = $1)`,
        [admin.id, departmentIds.get('REO')]);
      staff.push({ id: admin.id, code: 'REO' });
    }

    // Organisations: the hand-written set, then generated local employers.
    type Org = { id: string; name: string; createdAt: number; ownerId: string; code: string };
    const orgs: Org[] = [];
    const orgRows: unknown[][] = [];
    const all: Array<[string, string, string | null, string | null, string, string, string]> = [...DEMO_ORGANISATIONS];
    const usedNames = new Set(all.map((o) => o[0]));
    while (all.length < 200) {
      const [place, town, prefix, region] = rnd.pick(PLACES);
      const [trade, sector] = rnd.pick(TRADES);
      const name = `${place} ${trade} ${rnd.pick(SUFFIXES)}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const postcode = `${prefix} ${1 + rnd.int(9)}${'ABDEFGHJLNPQRSTUWXYZ'[rnd.int(20)]}${'ABDEFGHJLNPQRSTUWXYZ'[rnd.int(20)]}`;
      all.push([name, 'employer', sector, rnd.pick(['micro', 'small', 'small', 'medium', 'medium', 'large']), town, postcode, region]);
    }
    for (const [i, [name, type, sector, sizeBand, town, postcode, region]] of all.entries()) {
      const incorporated = type === 'employer' || /\b(Ltd|plc)\b/.test(name);
      const slug = name.toLowerCase().replace(/\b(ltd|plc|uk)\b/g, '').replace(/[^a-z0-9]+/g, '').slice(0, 24);
      const owner = staff[i % staff.length];
      const createdAt = now - (730 - Math.floor((i / all.length) * 700)) * DAY;
      const org: Org = { id: randomUUID(), name, createdAt, ownerId: owner.id, code: owner.code };
      orgs.push(org);
      orgRows.push([
        org.id, name, type, sector, sizeBand, incorporated ? String(10_000_000 + ((i * 7_919_113) % 89_999_999)).padStart(8, '0') : null,
        `https://www.${slug}.co.uk`, town, postcode, region, STAGES[i % STAGES.length], TAGS[i % TAGS.length].join(','),
        owner.id, departmentIds.get(owner.code), new Date(createdAt).toISOString(),
      ]);
    }
    await bulkInsert(tx, 'organisations', [
      ['id', 'uuid'], ['name', 'text'], ['type', 'text'], ['sector', 'text'], ['size_band', 'text'], ['companies_house_number', 'text'],
      ['website', 'text'], ['town', 'text'], ['postcode', 'text'], ['region', 'text'], ['relationship_stage', 'text'], ['tags', 'text'],
      ['owner_id', 'uuid'], ['department_id', 'uuid'], ['created_at', 'timestamptz'],
    ].map(([c, t]) => [c, t, c === 'tags' ? LIST('tags') : undefined]) as Array<[string, string, string?]>, orgRows);
    await tx.query(`UPDATE organisations o SET aliases = ARRAY(SELECT jsonb_array_elements_text(a.value)) FROM jsonb_each($1::jsonb) a WHERE o.name = a.key`,
      [JSON.stringify(DEMO_ALIASES)]);
    await tx.query('UPDATE organisations SET updated_at = created_at');

    // Contacts: about three per organisation; every tenth person moved from one employer to another.
    const contactRows: unknown[][] = [];
    const affiliationRows: unknown[][] = [];
    const peopleAt = new Map<string, string[]>();
    for (let i = 0; i < 600; i++) {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      const org = orgs[i % orgs.length];
      const id = randomUUID();
      const domain = new URL(`https://www.${org.name.toLowerCase().replace(/\b(ltd|plc|uk)\b/g, '').replace(/[^a-z0-9]+/g, '').slice(0, 24)}.co.uk`).hostname.replace(/^www\./, '');
      const email = `${first}.${last}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + `@${domain}`;
      contactRows.push([id, first, last, email, `0${191 + rnd.int(700)} ${String(100 + rnd.int(900))} ${String(1000 + rnd.int(9000))}`, rnd.pick(JOB_TITLES),
        rnd.pick(['email', 'email', 'phone', 'in_person', 'video']), rnd.pick(['legitimate_interests', 'legitimate_interests', 'consent', 'contract']),
        rnd.next() < 0.4, org.ownerId, new Date(org.createdAt + DAY).toISOString()]);
      if (i % 10 === 9) {
        const previous = orgs[(i * 7) % orgs.length];
        const moved = isoDay(now - (60 + rnd.int(300)) * DAY);
        affiliationRows.push([randomUUID(), id, previous.id, rnd.pick(ROLES), isoDay(now - 1200 * DAY), moved, false]);
        affiliationRows.push([randomUUID(), id, org.id, rnd.pick(ROLES), moved, null, true]);
      } else {
        affiliationRows.push([randomUUID(), id, org.id, rnd.pick(ROLES), null, null, i < orgs.length]);
      }
      peopleAt.set(org.id, [...(peopleAt.get(org.id) ?? []), id]);
    }
    await bulkInsert(tx, 'contacts', [['id', 'uuid'] as [string, string], ['first_name', 'text'], ['last_name', 'text'], ['emails', 'text', LIST('emails')], ['phones', 'text', LIST('phones')],
      ['job_title', 'text'], ['preferred_channel', 'text'], ['lawful_basis', 'text'], ['marketing_opt_in', 'boolean'], ['owner_id', 'uuid'], ['created_at', 'timestamptz']], contactRows);
    await tx.query('UPDATE contacts SET updated_at = created_at');
    await bulkInsert(tx, 'affiliations', [['id', 'uuid'], ['contact_id', 'uuid'], ['organisation_id', 'uuid'], ['role', 'text'], ['from_date', 'date'],
      ['to_date', 'date'], ['is_primary', 'boolean']], affiliationRows);

    // Engagements: each organisation is dealt with by one to four departments, each unaware of the others.
    const engagementRows: unknown[][] = [];
    const engagementContactRows: unknown[][] = [];
    const codes = [...departmentIds.keys()];
    const staffByCode = (code: string) => staff.filter((s) => s.code === code);
    for (let i = 0; i < 3000; i++) {
      const org = orgs[Math.floor(rnd.next() ** 1.6 * orgs.length)]; // some organisations are far busier than others
      const involved = codes.filter((_, k) => (org.name.length + k * 3) % 4 === 0 || k === codes.indexOf(org.code));
      const code = rnd.pick(involved.length ? involved : [org.code]);
      const [type, template] = rnd.pick(STORIES[code]);
      const when = now - Math.floor(rnd.next() * 730) * DAY;
      const authors = staffByCode(code);
      const author = authors.length ? rnd.pick(authors) : staff[0];
      const id = randomUUID();
      engagementRows.push([id, type, isoDay(Math.max(when, org.createdAt)), template.replace('%', org.name.split(' ')[0]), null, org.id,
        departmentIds.get(code), i % 97 === 0, author.id, new Date(Math.max(when, org.createdAt) + 9 * 3_600_000).toISOString()]);
      const people = peopleAt.get(org.id) ?? [];
      if (people.length && type !== 'note') engagementContactRows.push([id, rnd.pick(people)]);
    }
    await bulkInsert(tx, 'engagements', [['id', 'uuid'], ['type', 'text'], ['occurred_on', 'date'], ['summary', 'text'], ['details', 'text'],
      ['organisation_id', 'uuid'], ['department_id', 'uuid'], ['confidential', 'boolean'], ['created_by', 'uuid'], ['created_at', 'timestamptz']], engagementRows);
    await tx.query('UPDATE engagements SET updated_at = created_at');
    await bulkInsert(tx, 'engagement_contacts', [['engagement_id', 'uuid'], ['contact_id', 'uuid']], engagementContactRows);
    await tx.query('INSERT INTO engagement_staff (engagement_id, user_id) SELECT id, created_by FROM engagements WHERE created_by IS NOT NULL');

    // Tasks: follow-ups, some overdue, some due this week, some done.
    const taskRows: unknown[][] = [];
    for (let i = 0; i < 160; i++) {
      const org = rnd.pick(orgs);
      const assignee = i % 8 === 0 && admins.length ? staff[staff.length - 1] : rnd.pick(staff);
      const due = now + (rnd.int(40) - 15) * DAY;
      const done = rnd.next() < 0.3;
      taskRows.push([randomUUID(), rnd.pick(['Send proposal', 'Book site visit', 'Follow up on apprenticeship vacancies', 'Share KTP eligibility notes',
        'Confirm placement dates', 'Chase signed agreement', 'Invite to showcase event']), isoDay(due), done ? 'done' : 'open',
        done ? new Date(due).toISOString() : null, assignee.id, org.id, departmentIds.get(assignee.code), assignee.id]);
    }
    await bulkInsert(tx, 'tasks', [['id', 'uuid'], ['title', 'text'], ['due_on', 'date'], ['status', 'text'], ['completed_at', 'timestamptz'],
      ['assignee_id', 'uuid'], ['organisation_id', 'uuid'], ['department_id', 'uuid'], ['created_by', 'uuid']], taskRows);

    const opportunities = await seedDemoOpportunities(tx, { now, organisations: orgs, staff, departmentIds, peopleAt });
    await seedDemoHistory(tx, new Date(now));
    await seedDemoAssessments(tx, now);
    // Fresh statistics for the planner: without them the first report queries after a bulk load
    // choose nested loops over thousands of rows (going cold took 25 s instead of 30 ms).
    await tx.query('ANALYZE');

    return { departments: departmentIds.size, organisations: orgs.length, contacts: contactRows.length, engagements: engagementRows.length, tasks: taskRows.length, opportunities };
  });
}
