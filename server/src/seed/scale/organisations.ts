import { PLACES, TRADES } from '../demo-story';
import { arrayLit, departmentOfUser, idOf, pick, ScaleRun, series, userNumber, weighted, chunked } from './sql';
import { BRAND_WORDS, LEGAL_SUFFIXES, MORE_LAST_NAMES, STREETS } from './words';

const CHUNK = 10_000;
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
const TAGS = ['apprenticeships', 'placements', 'research', 'cpd', 'net-zero', 'ktp', 'levy-payer'];

/**
 * Organisations in proportion to a real institution's: mostly employers (SMEs above all), named
 * from places, surnames and brand words with legal suffixes, UK postcodes and regions, SIC
 * sections, Companies House numbers for the incorporated, ~5% confidential to their owner's
 * department, a few in groups (their parents among the first thousand, so chunks after the first
 * may load in parallel); each with the 'create' audit event the app would have written.
 */
export async function seedOrganisations(run: ScaleRun): Promise<number> {
  const { plan } = run;
  // Numbers no earlier run or the demo data uses; any clash left is written as no number.
  const chBase = 20_000_000 + (parseInt(run.tag.slice(0, 6), 16) % 70_000) * 1000;
  return chunked(run, 'organisations', plan.organisations, CHUNK, async (from, to, db) => {
    await db.query(`
      WITH x AS (
        SELECT g.*, ${weighted('r1', [['employer', 72], ['partner', 8], ['funder', 3], ['school_college', 6], ['public_body', 5], ['community', 6]])} AS type,
               1 + floor(r2 * ${PLACES.length})::int AS pi, 1 + floor(r3 * ${TRADES.length})::int AS ti,
               ${pick(LEGAL_SUFFIXES, 'r4')} AS suffix, ${userNumber(plan, 'r5')} AS owner
          FROM ${series(from, to, 30)}
      ), y AS (
        SELECT x.*, (${arrayLit(PLACES.map((p) => p[0]))})[pi] AS place, (${arrayLit(PLACES.map((p) => p[1]))})[pi] AS town,
               (${arrayLit(PLACES.map((p) => p[2]))})[pi] AS prefix, (${arrayLit(PLACES.map((p) => p[3]))})[pi] AS region,
               (${arrayLit(TRADES.map((t) => t[0]))})[ti] AS trade, (${arrayLit(TRADES.map((t) => t[1]))})[ti] AS trade_sector
          FROM x
      ), z AS (
        SELECT y.*,
               CASE type
                 WHEN 'school_college' THEN town || ' ' || ${pick(['College', 'Academy', 'High School', 'Sixth Form College', 'University Technical College'], 'r7')}
                 WHEN 'public_body' THEN ${weighted('r6', [['council', 50], ['authority', 25], ['nhs', 25]])}
                 WHEN 'community' THEN place || ' ' || ${pick(['Community Trust', 'Youth Project', 'Food Bank', 'Arts Collective', 'Housing Association'], 'r7')}
                 WHEN 'funder' THEN ${pick(BRAND_WORDS, 'r7')} || ' ' || ${pick(['Foundation', 'Charitable Trust', 'Fund'], 'r8')}
                 ELSE ${weighted('r6', [['brand', 35], ['place', 28], ['surname', 22], ['partners', 15]])}
               END AS pattern
          FROM y
      ), named AS (
        SELECT z.*,
               left(CASE pattern
                 WHEN 'council' THEN town || ' City Council'
                 WHEN 'authority' THEN place || ' Combined Authority'
                 WHEN 'nhs' THEN place || ' NHS Foundation Trust'
                 WHEN 'brand' THEN ${pick(BRAND_WORDS, 'r7')} || ' ' || trade || ' ' || suffix
                 WHEN 'place' THEN place || ' ' || trade || ' ' || suffix
                 WHEN 'surname' THEN ${pick(MORE_LAST_NAMES, 'r7')} || ' ' || trade || ' ' || suffix
                 WHEN 'partners' THEN ${pick(MORE_LAST_NAMES, 'r7')} || ' & ' || ${pick(MORE_LAST_NAMES, 'r8')} || ' ' || ${pick(['LLP', 'Partners', 'Associates', 'Ltd'], 'r9')}
                 ELSE pattern
               END, 200) AS name,
               type IN ('employer', 'partner') AS commercial,
               now() - r10 * interval '2920 days' AS created_at
          FROM z
      ), ins AS (
        INSERT INTO organisations (id, name, type, sector, size_band, companies_house_number, company_status, website, address_line1, town, postcode,
                                   region, relationship_stage, relationship_roles, tags, owner_id, department_id, confidential, created_at, updated_at,
                                   headcount, size_year, parent_id, parent_ownership_percent, aliases)
        SELECT ${idOf(run, 'organisation', 'n')}, name, type,
               CASE WHEN r11 < 0.1 THEN NULL WHEN commercial THEN trade_sector
                    ELSE (CASE type WHEN 'school_college' THEN 'P' WHEN 'public_body' THEN 'O' WHEN 'funder' THEN 'K' ELSE 'S' END) END,
               size_band, ch, CASE WHEN ch IS NULL THEN NULL WHEN r12 < 0.03 THEN 'dissolved' ELSE 'active' END,
               CASE WHEN r13 < 0.65 THEN 'https://www.' || lower(regexp_replace(name, '\\m(Ltd|Limited|plc|LLP|UK|Holdings|Group)\\M|[^A-Za-z0-9]', '', 'g')) || n
                      || CASE WHEN commercial THEN '.co.uk' ELSE '.org.uk' END END,
               (1 + floor(r14 * 180)::int) || ' ' || ${pick(STREETS, 'r21')}, town,
               substring(prefix from '^[A-Z]+') || (1 + floor(r15 * 29)::int) || ' ' || floor(r16 * 10)::int
                 || ${pick(POSTCODE_LETTERS, 'r17')} || ${pick(POSTCODE_LETTERS, 'r18')},
               region, ${weighted('r19', [['prospect', 40], ['active', 35], ['strategic_partner', 5], ['dormant', 20]])},
               CASE type WHEN 'employer' THEN CASE WHEN r20 < 0.2 THEN '{customer,partner}'::text[] ELSE '{customer}'::text[] END
                         WHEN 'partner' THEN '{partner}'::text[] WHEN 'funder' THEN '{funder}'::text[] WHEN 'school_college' THEN '{partner}'::text[]
                         ELSE '{stakeholder}'::text[] END,
               CASE WHEN r22 < 0.25 THEN ARRAY[${pick(TAGS, 'r21')}] ELSE '{}'::text[] END,
               ${idOf(run, 'user', 'owner')}, ${idOf(run, 'department', departmentOfUser(plan, 'owner'))}, r23 < 0.05,
               created_at, created_at + (now() - created_at) * r24 * 0.5,
               CASE size_band WHEN 'micro' THEN 1 + floor(r25 * 9) WHEN 'small' THEN 10 + floor(r25 * 40) WHEN 'medium' THEN 50 + floor(r25 * 200)
                              WHEN 'large' THEN 250 + floor(r25 * 5000) END::int,
               CASE WHEN size_band IS NOT NULL THEN 2024 END,
               CASE WHEN n > 1000 AND r26 < 0.02 THEN ${idOf(run, 'organisation', '1 + floor(r27 * 1000)::int')} END,
               CASE WHEN n > 1000 AND r26 < 0.02 THEN 100 END,
               CASE WHEN size_band = 'large' AND r28 < 0.3 THEN ARRAY[upper(regexp_replace(regexp_replace(name, '\\s*(Ltd|Limited|plc|LLP|UK Ltd|Holdings Ltd|Group|& Co)$', ''), '(\\w)\\w*\\W*', '\\1', 'g'))]
                    ELSE '{}'::text[] END
          FROM (SELECT named.*,
                       CASE WHEN commercial THEN ${weighted('r29', [['micro', 40], ['small', 28], ['medium', 15], ['large', 8], [null, 9]])}
                            ELSE ${weighted('r29', [['medium', 30], ['large', 20], [null, 50]])} END AS size_band,
                       CASE WHEN commercial AND suffix <> '& Co' AND pattern IN ('brand', 'place', 'surname') AND r30 < 0.8
                             AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.companies_house_number = (${chBase} + n)::text)
                            THEN (${chBase} + n)::text END AS ch
                  FROM named) o
        RETURNING id, name, owner_id, created_at
      )
      INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
      SELECT created_at, owner_id, 'organisation', id, 'create', jsonb_build_object('name', jsonb_build_object('old', NULL, 'new', name)) FROM ins`);
  }, { parallel: true, firstAlone: true });
}
