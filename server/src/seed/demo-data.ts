import { DataSource } from 'typeorm';
import { DEMO_DEPARTMENTS, DEMO_ORGANISATIONS, DEMO_STAFF } from './demo-organisations';

const STAGES = ['active', 'prospect', 'active', 'strategic_partner', 'dormant', 'prospect'];
const TAGS = [['apprenticeships'], ['placements'], ['research'], [], ['cpd'], ['net-zero', 'research'], []];

/**
 * Loads the demo story once, into an empty database, in one transaction. Demo staff own
 * records but have no password, so they cannot sign in.
 */
export async function seedDemoData(db: DataSource): Promise<{ organisations: number } | null> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.query('SELECT count(*)::int AS count FROM organisations');
    if (count > 0) return null;
    const departmentIds = new Map<string, string>();
    for (const [name, code] of DEMO_DEPARTMENTS) {
      const [row] = await tx.query(
        `INSERT INTO departments (name, code) VALUES ($1, $2)
         ON CONFLICT (code) DO UPDATE SET name = departments.name RETURNING id`,
        [name, code],
      );
      departmentIds.set(code, row.id);
    }
    const ownerIds: string[] = [];
    for (const [name, email, role, code] of DEMO_STAFF) {
      const [row] = await tx.query(
        `INSERT INTO users (email, name, role) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(email))) DO UPDATE SET name = users.name RETURNING id`,
        [email, name, role],
      );
      await tx.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.id, departmentIds.get(code)]);
      if (role !== 'viewer') ownerIds.push(row.id);
    }
    const now = Date.now();
    for (const [i, [name, type, sector, sizeBand, town, postcode, region]] of DEMO_ORGANISATIONS.entries()) {
      const incorporated = type === 'employer' || name.endsWith('Ltd') || name.endsWith('plc');
      const slug = name.toLowerCase().replace(/\b(ltd|plc)\b/g, '').replace(/[^a-z0-9]+/g, '').slice(0, 24);
      // Spread creation over the last two years so "newest first" means something.
      const createdAt = new Date(now - (DEMO_ORGANISATIONS.length - i) * 14 * 86_400_000);
      await tx.query(
        `INSERT INTO organisations (name, type, sector, size_band, companies_house_number, website, town, postcode, region,
           relationship_stage, tags, owner_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
        [
          name, type, sector, sizeBand,
          incorporated ? String(10_000_000 + i * 7_919_113 % 90_000_000).padStart(8, '0') : null,
          `https://www.${slug}.co.uk`,
          town, postcode, region,
          STAGES[i % STAGES.length], TAGS[i % TAGS.length], ownerIds[i % ownerIds.length], createdAt,
        ],
      );
    }
    return { organisations: DEMO_ORGANISATIONS.length };
  });
}
