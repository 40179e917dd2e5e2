import { busyOrganisation, chunked, departmentOfUser, idOf, lit, pick, ScaleRun, series, UK_TODAY, ukClock, ukDay, userNumber, weighted } from './sql';
import { contactsPerOrganisation } from './contacts';
import { ENGAGEMENT_SUMMARIES, TASK_TITLES } from './words';

const CHUNK = 100_000;
const TYPES: Array<[string, number]> = [['meeting', 25], ['call', 25], ['email', 20], ['visit', 8], ['event', 7], ['enquiry', 6], ['placement_visit', 5], ['note', 4]];

const summaryFor = (type: string, r: string) =>
  `CASE ${type} ${Object.entries(ENGAGEMENT_SUMMARIES).map(([t, list]) => `WHEN ${lit(t)} THEN ${pick(list, r)}`).join(' ')} END`;

/**
 * Engagements over about eight years (recent ones more common, none before the organisation was
 * recorded), logged by staff in their own department, so busy organisations are dealt with by
 * several departments; ~5% confidential. Contacts present are people working there; the author
 * is always among the staff present, sometimes with a colleague.
 */
export async function seedEngagements(run: ScaleRun): Promise<number> {
  const { plan } = run;
  const perOrganisation = contactsPerOrganisation(plan);
  return chunked(run, 'engagements', plan.engagements, CHUNK, async (from, to, db) => {
    await db.query(`
      CREATE TEMP TABLE scale_engagements ON COMMIT DROP AS
      SELECT g.n, ${idOf(run, 'engagement', 'g.n')} AS id, x.k, x.u, ${weighted('g.r3', TYPES)} AS type,
             g.r4 AS r_day, g.r5 AS r_summary, g.r6 < 0.05 AS confidential, g.r7 AS r_time,
             g.r8 < 0.15 AS colleague, ${userNumber(plan, 'g.r9')} AS u2, floor(g.r10 * ${Math.max(1, perOrganisation)})::int AS who, g.r11 < 0.2 AS two, g.r12 < 0.2 AS detailed
        FROM ${series(from, to, 12)}
        CROSS JOIN LATERAL (SELECT ${busyOrganisation(plan, 'g.r1')} AS k, ${userNumber(plan, 'g.r2')} AS u) x`);
    await db.query(`
      INSERT INTO engagements (id, type, occurred_on, summary, details, organisation_id, department_id, confidential, created_by, created_at, updated_at)
      SELECT e.id, e.type, d.day, ${summaryFor('e.type', 'e.r_summary')},
             CASE WHEN e.detailed THEN 'Next steps agreed; notes filed with the account plan.' END,
             o.id, ${idOf(run, 'department', departmentOfUser(plan, 'e.u'))}, e.confidential, ${idOf(run, 'user', 'e.u')},
             ${ukClock("d.day + interval '8 hours' + e.r_time * interval '10 hours'")}, ${ukClock("d.day + interval '8 hours' + e.r_time * interval '10 hours'")}
        FROM scale_engagements e
        JOIN organisations o ON o.id = ${idOf(run, 'organisation', 'e.k')}
        CROSS JOIN LATERAL (SELECT ${UK_TODAY} - floor((${UK_TODAY} - ${ukDay('o.created_at')}) * power(e.r_day, 1.6))::int AS day) d`);
    await db.query(`
      INSERT INTO engagement_staff (engagement_id, user_id)
      SELECT id, ${idOf(run, 'user', 'u')} FROM scale_engagements
      UNION ALL
      SELECT id, ${idOf(run, 'user', 'u2')} FROM scale_engagements WHERE colleague AND u2 <> u`);
    if (perOrganisation > 0) {
      await db.query(`
        INSERT INTO engagement_contacts (engagement_id, contact_id)
        SELECT id, ${idOf(run, 'contact', `k + ${plan.organisations} * who`)} FROM scale_engagements WHERE type <> 'note'
        UNION ALL
        SELECT id, ${idOf(run, 'contact', `k + ${plan.organisations} * (1 - who)`)} FROM scale_engagements WHERE type <> 'note' AND two AND ${perOrganisation} = 2`);
    }
  }, { parallel: true });
}

/** Follow-ups: open (some overdue), done or cancelled, assigned to staff, ~5% confidential. */
export async function seedTasks(run: ScaleRun): Promise<number> {
  const { plan } = run;
  return chunked(run, 'tasks', plan.tasks, CHUNK, async (from, to, db) => {
    await db.query(`
      INSERT INTO tasks (id, title, due_on, status, completed_at, assignee_id, organisation_id, department_id, confidential, created_by, created_at, updated_at)
      SELECT ${idOf(run, 'task', 'n')}, title, due, status, CASE WHEN status = 'done' THEN ${ukClock("due - 2 + interval '15 hours'")} END,
             ${idOf(run, 'user', 'u')}, ${idOf(run, 'organisation', 'k')}, ${idOf(run, 'department', departmentOfUser(plan, 'u'))}, confidential,
             ${idOf(run, 'user', 'u')}, ${ukClock("due - 14 + interval '9 hours'")}, ${ukClock("due - 14 + interval '9 hours'")}
        FROM (SELECT n, ${pick(TASK_TITLES, 'r1')} AS title, ${UK_TODAY} + floor(r2 * 240 - 180)::int AS due,
                     ${userNumber(plan, 'r3')} AS u, ${busyOrganisation(plan, 'r4')} AS k, r5 < 0.05 AS confidential,
                     ${weighted('r6', [['open', 55], ['done', 38], ['cancelled', 7]])} AS status
                FROM ${series(from, to, 6)}) t`);
  }, { parallel: true });
}
