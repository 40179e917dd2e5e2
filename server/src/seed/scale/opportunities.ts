import { busyOrganisation, chunked, departmentOfUser, idOf, lit, pick, ScaleRun, series, UK_TODAY, ukDay, userNumber, weighted } from './sql';
import { contactsPerOrganisation } from './contacts';

const CHUNK = 50_000;
const TYPES: Array<[string, number]> = [['cpd_short_course', 22], ['apprenticeship', 15], ['consultancy', 14], ['contract_research', 10],
  ['collaborative_research', 8], ['placement_internship', 9], ['facilities_equipment', 6], ['ktp', 4], ['sponsorship_philanthropy', 4],
  ['regeneration_community', 5], ['ip_licensing', 3]];
const LABELS: Record<string, string> = {
  cpd_short_course: 'CPD programme', apprenticeship: 'Apprenticeships', consultancy: 'Consultancy', contract_research: 'Contract research',
  collaborative_research: 'Collaborative research', placement_internship: 'Placements', facilities_equipment: 'Equipment hire', ktp: 'KTP',
  sponsorship_philanthropy: 'Sponsorship', regeneration_community: 'Regeneration project', ip_licensing: 'Licence',
};
/** Final stage by position: 1–4 open, 5 won, 6 lost. */
const FINAL: Array<[string, number]> = [['1', 15], ['2', 12], ['3', 10], ['4', 8], ['5', 35], ['6', 20]];

/**
 * Opportunities across every stage: open ones recent with expected close dates (some overdue),
 * closed ones over eight years; values in pence, log-spread from £500 to £500,000; the HE-BCI
 * figures each type carries; a full stage history per opportunity (one open stay: the current
 * stage); half of the won ones with income instalments; the organisation's contact attached.
 */
export async function seedOpportunities(run: ScaleRun): Promise<number> {
  const { plan } = run;
  const stage = (position: string) => `(ARRAY[${run.stages.map(lit).join(', ')}]::uuid[])[${position}]`;
  return chunked(run, 'opportunities', plan.opportunities, CHUNK, async (from, to, db) => {
    await db.query(`
      CREATE TEMP TABLE scale_opportunities ON COMMIT DROP AS
      SELECT y.*, CASE WHEN final <= 4 THEN final WHEN final = 5 THEN 5 ELSE steps_before_lost + 1 END AS path_len,
             CASE WHEN final > 4 THEN least(created_at + (30 + r_close * 270) * interval '1 day', now()) END AS closed_at
        FROM (SELECT g.n, ${idOf(run, 'opportunity', 'g.n')} AS id, ${busyOrganisation(plan, 'g.r1')} AS k, ${userNumber(plan, 'g.r2')} AS u,
                     ${weighted('g.r3', TYPES)} AS type, (${weighted('g.r4', FINAL)})::int AS final, 1 + floor(g.r5 * 3)::int AS steps_before_lost,
                     (round(exp(ln(500) + g.r6 * ln(1000))) * 100)::bigint AS value_pence, g.r7 < 0.05 AS confidential, g.r8 AS r_close,
                     g.r9 AS r_pick, g.r10 < 0.5 AS instalments, 1 + floor(g.r11 * 3)::int AS instalment_count, g.r12 AS r_expected,
                     now() - CASE WHEN g.r13 < 0.45 THEN g.r14 * interval '540 days' ELSE g.r14 * interval '2900 days' END AS created_at
                FROM ${series(from, to, 14)}) y`);
    // Open opportunities are recent: an old one still open would be a stale outlier, not the norm.
    await db.query(`UPDATE scale_opportunities SET created_at = now() - (now() - created_at) * 0.2 WHERE final <= 4 AND created_at < now() - interval '540 days'`);
    await db.query(`
      INSERT INTO opportunities (id, title, type, stage_id, value_pence, expected_close_date, start_date, end_date, owner_id, department_id, organisation_id,
                                 lost_reason, confidential, won_at, closed_at, created_by, created_at, updated_at,
                                 funding_source, in_kind_pence, cpd_learner_days, ip_income_type, ktp_grant_pence, ktp_company_pence)
      SELECT p.id, left((CASE p.type ${Object.entries(LABELS).map(([t, l]) => `WHEN ${lit(t)} THEN ${lit(l)}`).join(' ')} END) || ' – ' || o.name, 300),
             p.type, ${stage('p.final')}, p.value_pence,
             CASE WHEN p.closed_at IS NULL THEN ${UK_TODAY} + floor(p.r_expected * 300 - 60)::int ELSE ${ukDay('p.closed_at')} END,
             CASE WHEN p.final = 5 THEN ${ukDay('p.closed_at')} + 14 END, CASE WHEN p.final = 5 THEN ${ukDay('p.closed_at')} + 14 + floor(90 + p.r_expected * 1000)::int END,
             ${idOf(run, 'user', 'p.u')}, ${idOf(run, 'department', departmentOfUser(plan, 'p.u'))}, o.id,
             CASE WHEN p.final = 6 THEN ${pick(['Budget withdrawn', 'Went with another provider', 'Timing not right', 'No response', 'Price'], 'p.r_pick')} END,
             p.confidential, CASE WHEN p.final = 5 THEN p.closed_at END, p.closed_at, ${idOf(run, 'user', 'p.u')}, p.created_at, coalesce(p.closed_at, p.created_at),
             CASE p.type WHEN 'collaborative_research' THEN ${pick(['ukri', 'uk_government', 'other_public'], 'p.r_pick')}
                         WHEN 'regeneration_community' THEN ${pick(['erdf', 'uk_shared_prosperity_fund', 'local_regional', 'uk_central_government'], 'p.r_pick')} END,
             CASE WHEN p.type = 'collaborative_research' AND p.r_pick < 0.3 THEN p.value_pence / 5 END,
             CASE WHEN p.type = 'cpd_short_course' THEN 5 + floor(p.r_pick * 400)::int END,
             CASE WHEN p.type = 'ip_licensing' THEN 'licence' END,
             CASE WHEN p.type = 'ktp' THEN p.value_pence * 2 / 3 END, CASE WHEN p.type = 'ktp' THEN p.value_pence - p.value_pence * 2 / 3 END
        FROM scale_opportunities p JOIN organisations o ON o.id = ${idOf(run, 'organisation', 'p.k')}`);
    // Every stay from Enquiry to where it is now: a won one went through all four open stages, a lost one left early.
    // A stay ends the instant the next begins; the last of a closed one begins when it closed.
    const entered = (i: string) => `CASE WHEN ${i} = p.path_len AND p.closed_at IS NOT NULL THEN p.closed_at
      ELSE p.created_at + (coalesce(p.closed_at, now()) - p.created_at) * (${i} - 1) / p.path_len END`;
    await db.query(`
      INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_at, left_at, moved_by)
      SELECT p.id, ${stage('CASE WHEN i = p.path_len THEN p.final ELSE i END')}, ${entered('i')},
             CASE WHEN i < p.path_len THEN ${entered('i + 1')} END, ${idOf(run, 'user', 'p.u')}
        FROM scale_opportunities p CROSS JOIN LATERAL generate_series(1, p.path_len) AS i`);
    await db.query(`
      INSERT INTO opportunity_instalments (opportunity_id, due_on, received_on, amount_pence, created_at)
      SELECT p.id, d.due, CASE WHEN d.due + 10 < ${UK_TODAY} THEN d.due + 10 END,
             CASE WHEN i.i < p.instalment_count THEN p.value_pence / p.instalment_count ELSE p.value_pence - (p.instalment_count - 1) * (p.value_pence / p.instalment_count) END,
             p.closed_at
        FROM scale_opportunities p
        CROSS JOIN LATERAL generate_series(1, p.instalment_count) AS i(i)
        CROSS JOIN LATERAL (SELECT ${ukDay('p.closed_at')} + 14 + (i.i - 1) * 90 AS due) d
       WHERE p.final = 5 AND p.instalments AND p.type NOT IN ('apprenticeship', 'placement_internship', 'sponsorship_philanthropy')`);
    if (contactsPerOrganisation(plan) > 0) {
      await db.query(`INSERT INTO opportunity_contacts (opportunity_id, contact_id) SELECT id, ${idOf(run, 'contact', 'k')} FROM scale_opportunities`);
    }
  }, { parallel: true });
}
