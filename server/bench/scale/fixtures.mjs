// What the operations need from the database: which organisations, words and stages to ask about.
const visible = (alias) => `(NOT ${alias}.confidential OR ${alias}.department_id = ANY($1::uuid[]))`;

/** The last complete academic year (1 Aug – 31 Jul), the one a HE-BCI return is made for. */
export function lastAcademicYear(now = new Date()) {
  const start = (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1;
  return { label: `${start}/${String((start + 1) % 100).padStart(2, '0')}`, from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/** A one-letter slip in a word of five or more letters (two letters swapped), as people type. */
export const withTypo = (name) => name.replace(/\b([A-Za-z])([a-z])([a-z])([a-z]{2,})/, (_, a, b, c, rest) => `${a}${c}${b}${rest}`);

export async function readFixtures(pool, user) {
  const depts = user.departmentIds;
  const one = async (sql, params = [depts]) => (await pool.query(sql, params)).rows[0];
  const busiest = await one(`SELECT e.organisation_id AS id, count(*)::int AS engagements FROM engagements e JOIN organisations o ON o.id = e.organisation_id
                              WHERE ${visible('o')} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
  const typical = await one(`SELECT id, engagements FROM (
                               SELECT o.id, count(e.id)::int AS engagements, row_number() OVER (ORDER BY count(e.id), o.id) AS r, count(*) OVER () AS total
                                 FROM organisations o LEFT JOIN engagements e ON e.organisation_id = o.id WHERE ${visible('o')} GROUP BY o.id) x
                              WHERE r = (total + 1) / 2`);
  const { rows: orgs } = await pool.query(`SELECT id FROM organisations o WHERE ${visible('o')} AND deleted_at IS NULL ORDER BY md5(id::text) LIMIT 200`, [depts]);
  const brand = await one(`SELECT name FROM organisations o WHERE ${visible('o')} AND type = 'employer' AND name ~ '^[A-Z][a-z]{5,} [A-Z]' ORDER BY md5(id::text) LIMIT 1`);
  const person = await one(`SELECT first_name || ' ' || last_name AS name FROM contacts ORDER BY md5(id::text) LIMIT 1`, []);
  const { rows: stages } = await pool.query(`SELECT id FROM opportunity_stages WHERE outcome = 'open' AND deleted_at IS NULL ORDER BY position`);
  const { rows: held } = await pool.query(`SELECT name, companies_house_number AS ch, postcode FROM organisations ORDER BY md5(id::text) LIMIT 2000`);
  return {
    busiest, typical, organisationIds: orgs.map((o) => o.id), stageIds: stages.map((s) => s.id), year: lastAcademicYear(),
    search: { threeLetters: 'rob', typo: withTypo(brand?.name ?? 'Norvex Robotics Ltd'), fullName: person?.name ?? 'Amelia Smith' },
    held,
  };
}
