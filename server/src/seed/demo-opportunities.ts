import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { prng } from './demo-story';
import { ukDate } from '../common/dates/uk-dates';

const DAY = 86_400_000;

/** What each department sells, and a typical value range in pounds. */
const OFFERS: Record<string, Array<[string, number, number, string]>> = {
  ENG: [['contract_research', 20_000, 180_000, 'Materials testing programme'], ['collaborative_research', 60_000, 400_000, 'Net-zero manufacturing research'],
    ['consultancy', 5_000, 45_000, 'Process automation review'], ['facilities_equipment', 1_000, 18_000, 'Wind tunnel hire']],
  BUS: [['consultancy', 4_000, 35_000, 'Leadership diagnostic'], ['cpd_short_course', 2_000, 15_000, 'Management essentials cohort'], ['ktp', 80_000, 240_000, 'KTP: digital strategy']],
  HLS: [['contract_research', 25_000, 220_000, 'Clinical evaluation study'], ['cpd_short_course', 1_500, 12_000, 'Care leadership short course'],
    ['facilities_equipment', 2_000, 20_000, 'Lab analysis services']],
  ART: [['consultancy', 3_000, 25_000, 'Brand and content review'], ['regeneration_community', 10_000, 150_000, 'High street cultural programme'],
    ['sponsorship_philanthropy', 5_000, 60_000, 'Graduate show sponsorship']],
  APP: [['apprenticeship', 6_000, 45_000, 'Engineering apprenticeship cohort'], ['apprenticeship', 4_000, 25_000, 'Business administration apprentices']],
  REO: [['ktp', 90_000, 260_000, 'KTP: predictive maintenance'], ['ip_licensing', 5_000, 80_000, 'Sensor patent licence'],
    ['collaborative_research', 50_000, 350_000, 'Innovate UK consortium']],
  CES: [['placement_internship', 0, 5_000, 'Summer internships'], ['sponsorship_philanthropy', 3_000, 30_000, 'Employability award sponsorship']],
  CPD: [['cpd_short_course', 2_000, 18_000, 'Bespoke CPD programme'], ['cpd_short_course', 1_000, 8_000, 'Health and safety update']],
};
const LOST_REASONS = ['Went with another provider', 'Budget withdrawn', 'Timing did not suit', 'Funding bid unsuccessful', 'No response after proposal'];
const MULTI_YEAR = new Set(['ktp', 'collaborative_research', 'contract_research', 'regeneration_community']);

export interface DemoPipelineContext {
  now: number;
  organisations: Array<{ id: string; name: string; createdAt: number; code: string }>;
  staff: Array<{ id: string; code: string }>;
  departmentIds: Map<string, string>;
  peopleAt: Map<string, string[]>;
}

const isoDay = (ms: number) => ukDate(new Date(ms));

/**
 * A believable pipeline: ~90 open opportunities across the stages, ~130 won over two years (some
 * multi-year KTPs and research contracts that run into later academic years) and ~40 lost, each
 * with the stage history and audit event the app would have written.
 */
export async function seedDemoOpportunities(tx: EntityManager, ctx: DemoPipelineContext): Promise<number> {
  const rnd = prng(20261124);
  const stages: Array<{ id: string; name: string; outcome: string; position: number }> =
    await tx.query(`SELECT id, name, outcome, position FROM opportunity_stages WHERE deleted_at IS NULL ORDER BY position`);
  const open = stages.filter((s) => s.outcome === 'open');
  const won = stages.find((s) => s.outcome === 'won')!;
  const lost = stages.find((s) => s.outcome === 'lost')!;
  const codes = [...ctx.departmentIds.keys()].filter((c) => OFFERS[c]);

  const rows: unknown[][] = [];
  const history: unknown[][] = [];
  const contacts: unknown[][] = [];
  const plan = [...Array(90).fill('open'), ...Array(130).fill('won'), ...Array(40).fill('lost')] as Array<'open' | 'won' | 'lost'>;
  for (const [i, outcome] of plan.entries()) {
    const org = ctx.organisations[Math.floor(rnd.next() ** 1.4 * ctx.organisations.length)];
    const code = rnd.next() < 0.6 && OFFERS[org.code] ? org.code : rnd.pick(codes);
    const [type, low, high, title] = rnd.pick(OFFERS[code]);
    const pounds = Math.round((low + rnd.next() * (high - low)) / 500) * 500;
    const people = ctx.staff.filter((s) => s.code === code);
    const owner = people.length ? rnd.pick(people) : rnd.pick(ctx.staff);
    const id = randomUUID();

    let created: number;
    let closed: number | null = null;
    let path: typeof stages;
    if (outcome === 'open') {
      created = ctx.now - (5 + rnd.int(300)) * DAY;
      path = open.slice(0, 1 + rnd.int(open.length));
    } else {
      closed = ctx.now - (3 + rnd.int(720)) * DAY;
      created = closed - (20 + rnd.int(160)) * DAY;
      path = outcome === 'won' ? [...open, won] : [...open.slice(0, 1 + rnd.int(open.length)), lost];
    }
    created = Math.max(created, org.createdAt);
    if (closed !== null && closed <= created) closed = created + 14 * DAY;
    const multiYear = outcome === 'won' && MULTI_YEAR.has(type) && rnd.next() < 0.5;
    const start = multiYear ? closed! + 30 * DAY : null;
    const end = start !== null ? start + (365 * (1 + rnd.int(3)) - 1) * DAY : null;
    const expected = outcome === 'open' ? ctx.now + (rnd.int(200) - 30) * DAY : closed!;

    rows.push([id, title, type, path[path.length - 1].id, pounds * 100, isoDay(expected), start && isoDay(start), end && isoDay(end),
      owner.id, ctx.departmentIds.get(code), org.id, outcome === 'lost' ? rnd.pick(LOST_REASONS) : null, i % 25 === 0,
      outcome === 'won' ? new Date(closed!).toISOString() : null, closed && new Date(closed).toISOString(), owner.id, new Date(created).toISOString()]);

    // Stage history: evenly spaced from creation to closing (or to a little before today).
    const until = closed ?? ctx.now - rnd.int(5) * DAY;
    const step = (until - created) / path.length;
    path.forEach((stage, k) => {
      const entered = k === 0 ? created : created + step * k;
      const left = k === path.length - 1 ? null : created + step * (k + 1);
      history.push([randomUUID(), id, stage.id, new Date(entered).toISOString(), left && new Date(left).toISOString(), owner.id]);
    });
    const person = ctx.peopleAt.get(org.id)?.[0];
    if (person) contacts.push([id, person]);
  }

  await bulkInsert(tx, 'opportunities', [['id', 'uuid'], ['title', 'text'], ['type', 'text'], ['stage_id', 'uuid'], ['value_pence', 'bigint'],
    ['expected_close_date', 'date'], ['start_date', 'date'], ['end_date', 'date'], ['owner_id', 'uuid'], ['department_id', 'uuid'], ['organisation_id', 'uuid'],
    ['lost_reason', 'text'], ['confidential', 'boolean'], ['won_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['created_by', 'uuid'], ['created_at', 'timestamptz']], rows);
  await tx.query(`UPDATE opportunities SET updated_at = coalesce(closed_at, created_at)`);
  await bulkInsert(tx, 'opportunity_stage_history', [['id', 'uuid'], ['opportunity_id', 'uuid'], ['stage_id', 'uuid'], ['entered_at', 'timestamptz'],
    ['left_at', 'timestamptz'], ['moved_by', 'uuid']], history);
  await bulkInsert(tx, 'opportunity_contacts', [['opportunity_id', 'uuid'], ['contact_id', 'uuid']], contacts);
  // The audit trail the app writes: a create, then a move for every stage change.
  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT op.created_at, op.owner_id, 'opportunity', op.id, 'create', jsonb_build_object(
             'title', jsonb_build_object('old', NULL, 'new', op.title), 'type', jsonb_build_object('old', NULL, 'new', op.type),
             'valuePence', jsonb_build_object('old', NULL, 'new', op.value_pence), 'stageId', jsonb_build_object('old', NULL, 'new', first.stage_id))
      FROM opportunities op
      JOIN LATERAL (SELECT h.stage_id FROM opportunity_stage_history h WHERE h.opportunity_id = op.id ORDER BY h.entered_at LIMIT 1) first ON true
     ORDER BY op.created_at`);
  await tx.query(`
    INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, changes)
    SELECT h.entered_at, h.moved_by, 'opportunity', h.opportunity_id, 'move', jsonb_build_object('stageId', jsonb_build_object('old', prev.stage_id, 'new', h.stage_id))
      FROM opportunity_stage_history h
      JOIN opportunity_stage_history prev ON prev.opportunity_id = h.opportunity_id AND prev.left_at = h.entered_at
     ORDER BY h.entered_at`);
  return rows.length;
}
