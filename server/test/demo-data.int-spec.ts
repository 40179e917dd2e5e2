import { seedDemoData } from '../src/seed/demo-data';
import { createTestApp, TestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;
  const now = Date.parse('2026-11-23T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads the BCE story once: departments, organisations, people, engagements and tasks', async () => {
    const counts = await seedDemoData(t.db, now);
    expect(counts).toMatchObject({ organisations: 200, contacts: 600, engagements: 3000, tasks: 160, opportunities: 260 });
    expect(counts!.departments).toBeGreaterThanOrEqual(8);
    expect(await seedDemoData(t.db, now)).toBeNull();
  });

  it('gives some organisations the aliases people use, found by search', async () => {
    const { data } = await t.gql(`{ search(text: "NWG") { title matchedAlias score } }`, {}, t.tokens.viewer);
    expect(data.search[0]).toEqual({ title: 'Northumbrian Water Group', matchedAlias: 'NWG', score: 1 });
  });

  it('shows the islands: organisations engaged by several departments', async () => {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM (
      SELECT organisation_id FROM engagements GROUP BY organisation_id HAVING count(DISTINCT department_id) >= 3) x`);
    expect(row.n).toBeGreaterThanOrEqual(10);
  });

  it('fills the pipeline: open in every open stage, won business in this and last academic year, multi-year contracts', async () => {
    const [p] = await t.db.query(`SELECT
      (SELECT count(DISTINCT s.id)::int FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id WHERE s.outcome = 'open') AS open_stages,
      (SELECT count(*)::int FROM opportunities WHERE won_at >= '2025-08-01' AND won_at < '2026-08-01') AS won_2025,
      (SELECT count(*)::int FROM opportunities WHERE won_at >= '2024-08-01' AND won_at < '2025-08-01') AS won_2024,
      (SELECT count(*)::int FROM opportunities WHERE end_date - start_date > 365) AS multi_year,
      (SELECT count(*)::int FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id WHERE s.outcome = 'lost' AND o.lost_reason IS NULL) AS lost_without_reason`);
    expect(p.open_stages).toBe(4);
    expect(p.won_2025).toBeGreaterThan(20);
    expect(p.won_2024).toBeGreaterThan(10);
    expect(p.multi_year).toBeGreaterThan(3);
    expect(p.lost_without_reason).toBe(0);
    // Every opportunity has exactly one current stage in its history, and it is the stage it is in.
    const [h] = await t.db.query(`SELECT count(*)::int AS n FROM opportunities o
      WHERE (SELECT count(*) FROM opportunity_stage_history h WHERE h.opportunity_id = o.id AND h.left_at IS NULL) <> 1
         OR NOT EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id AND h.left_at IS NULL AND h.stage_id = o.stage_id)`);
    expect(h.n).toBe(0);
  });

  it('gives every organisation and contact the history the app would have written', async () => {
    const [missing] = await t.db.query(`SELECT
      (SELECT count(*)::int FROM organisations o WHERE NOT EXISTS (
         SELECT 1 FROM audit_events a WHERE a.entity_type = 'organisation' AND a.entity_id = o.id AND a.action = 'create')) AS organisations,
      (SELECT count(*)::int FROM contacts c WHERE NOT EXISTS (
         SELECT 1 FROM audit_events a WHERE a.entity_type = 'contact' AND a.entity_id = c.id AND a.action = 'create')) AS contacts`);
    expect(missing).toEqual({ organisations: 0, contacts: 0 });

    const [partner] = await t.db.query(`SELECT id, name, owner_id FROM organisations WHERE relationship_stage = 'active' ORDER BY name LIMIT 1`);
    const view = await t.gql('query($id: ID!) { organisation(id: $id) { history { action actor { id } changes { field old new } } } }',
      { id: partner.id }, t.tokens.admin);
    expect(view.errors).toBeUndefined();
    const history = view.data.organisation.history as Array<{ action: string; actor: { id: string } | null; changes: Array<{ field: string; old: string | null; new: string | null }> }>;
    // Newest first: the move from prospect to active, then the create that named it.
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual([{ field: 'relationshipStage', old: 'prospect', new: 'active' }]);
    expect(history[1].changes).toContainEqual({ field: 'name', old: null, new: partner.name });
    expect(history[1].actor?.id).toBe(partner.owner_id);
  });

  it('has a completed assessment from last year and one in progress, for the history and the radar', async () => {
    const list = await t.gql(`{ assessments { edges { node { id title status completedAt results { overallLevel respondentCount evidenceAsOf evidence { key } }
      respondents { complete } actions { text } } } } }`, {}, t.tokens.viewer);
    expect(list.errors).toBeUndefined();
    const [current, past] = list.data.assessments.edges.map((e: any) => e.node);
    expect(past).toMatchObject({ status: 'completed', results: { respondentCount: 3, evidenceAsOf: '2025-11-08' } });
    expect(past.results.overallLevel).not.toBeNull();
    expect(past.results.evidence).toHaveLength(7);
    expect(past.actions).toHaveLength(1);
    expect(current).toMatchObject({ status: 'in_progress', completedAt: null });
    expect(current.respondents.map((r: any) => r.complete).sort()).toEqual([false, true]);
    const cmp = await t.gql(`query($ids: [ID!]!) { compareAssessments(ids: $ids) { dimensions { dimensionKey points { change } } } }`,
      { ids: [past.id, current.id] }, t.tokens.viewer);
    expect(cmp.data.compareAssessments.dimensions.find((d: any) => d.dimensionKey === 'uptake_across_units').points[1].change).toBeGreaterThan(0);
  });
});
