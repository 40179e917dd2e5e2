import { arrayLit, departmentOfUser, idOf, lit, pick, ScaleRun, series, weighted, chunked } from './sql';
import { DEPARTMENT_NAMES, MORE_FIRST_NAMES, MORE_LAST_NAMES } from './words';

const EIGHT_YEARS = `interval '2920 days'`;

/** Departments (codes unique to this run), then staff with a mix of roles, each in one or two departments. */
export async function seedPeople(run: ScaleRun): Promise<Record<string, number>> {
  const { plan } = run;
  const departments = await chunked(run, 'departments', plan.departments, 10_000, async (from, to, db) => {
    const names = DEPARTMENT_NAMES.length;
    await db.query(`
      INSERT INTO departments (id, name, code, created_at, updated_at)
      SELECT ${idOf(run, 'department', 'n')},
             (${arrayLit(DEPARTMENT_NAMES)})[1 + (n - 1) % ${names}] || CASE WHEN n > ${names} THEN ' ' || (1 + (n - 1) / ${names}) ELSE '' END,
             ${lit(`S${run.tag.slice(0, 4).toUpperCase()}`)} || lpad(n::text, 4, '0'), now() - ${EIGHT_YEARS}, now() - ${EIGHT_YEARS}
        FROM generate_series(${from}, ${to}) AS n`);
  });
  const users = await chunked(run, 'users', plan.users, 50_000, async (from, to, db) => {
    await db.query(`
      INSERT INTO users (id, email, name, role, created_at, updated_at)
      SELECT ${idOf(run, 'user', 'n')},
             lower(regexp_replace(first || '.' || last, '[^A-Za-z.]', '', 'g')) || '.' || n || '@' || ${lit(run.tag)} || '.scale.ac.uk',
             first || ' ' || last, CASE WHEN n = 1 THEN 'admin' ELSE role END, at, at
        FROM (SELECT n, ${pick(MORE_FIRST_NAMES, 'r1')} AS first, ${pick(MORE_LAST_NAMES, 'r2')} AS last,
                     ${weighted('r3', [['admin', 1], ['manager', 9], ['staff', 75], ['viewer', 15]])} AS role,
                     now() - r4 * ${EIGHT_YEARS} AS at
                FROM ${series(from, to, 4)}) u`);
    // Everyone in one department; one in ten also in the next one.
    await db.query(`
      INSERT INTO user_departments (user_id, department_id)
      SELECT ${idOf(run, 'user', 'n')}, ${idOf(run, 'department', departmentOfUser(plan, 'n'))} FROM generate_series(${from}, ${to}) AS n
      UNION ALL
      SELECT ${idOf(run, 'user', 'n')}, ${idOf(run, 'department', `1 + n % ${plan.departments}`)}
        FROM generate_series(${from}, ${to}) AS n WHERE n % 10 = 0 AND ${plan.departments} > 1`);
  });
  return { departments, users };
}
