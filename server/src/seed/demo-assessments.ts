import { EntityManager } from 'typeorm';
import { measureEvidence } from '../modules/assessment/evidence.sql';
import { FrameworkContent } from '../modules/assessment/framework/framework-content';
import { bulkInsert } from './bulk-insert';
import { ukDate } from '../common/dates/uk-dates';

const DAY = 86_400_000;
const isoDay = (ms: number) => ukDate(new Date(ms));

/** Last year mostly peripheral with pockets of tactical; this year uptake and enquiries have moved on. */
const LAST_YEAR: Record<string, number> = { uptake_across_units: 2, processes_enquiry: 1, data_information: 1, customers_segmentation: 2 };
const THIS_YEAR: Record<string, number> = { uptake_across_units: 3, processes_enquiry: 2, data_information: 2, customers_segmentation: 2, strategy_policy: 2 };

/**
 * Two institution assessments so the history and radar have something to show: one completed about
 * a year ago by three respondents (with the evidence measured then), and one in progress with one
 * respondent finished and another half way.
 */
export async function seedDemoAssessments(tx: EntityManager, now: number): Promise<void> {
  const [framework] = await tx.query('SELECT id, content FROM assessment_frameworks WHERE is_current');
  const content: FrameworkContent = framework.content;
  const [lead] = await tx.query(`SELECT id FROM users WHERE role = 'manager' AND deleted_at IS NULL ORDER BY email LIMIT 1`);
  const people: Array<{ id: string }> = await tx.query(`SELECT id FROM users WHERE role IN ('staff', 'manager') AND deleted_at IS NULL ORDER BY email LIMIT 3`);
  if (!lead || people.length < 3) return;

  const levelFor = (base: Record<string, number>, dimensionKey: string, respondent: number, statement: number) =>
    Math.min(3, Math.max(1, (base[dimensionKey] ?? 1) + ((respondent + statement) % 4 === 3 ? 1 : 0) - ((respondent * 3 + statement) % 5 === 4 ? 1 : 0)));
  const answerRows = (assessmentId: string, base: Record<string, number>, respondents: Array<{ id: string; share: number }>, at: number) =>
    respondents.flatMap((r, ri) => content.dimensions.flatMap((d) => d.statements.map((s, si) => [d.key, s.key, si] as const))
      .slice(0, Math.round(respondents[ri].share * 30))
      .map(([dimensionKey, statementKey, si]) => [assessmentId, r.id, statementKey, levelFor(base, dimensionKey, ri, si), null, new Date(at).toISOString()]));

  const completedOn = now - 380 * DAY;
  const evidence = { asOf: isoDay(completedOn), indicators: await measureEvidence(tx, { departmentId: null, asOf: isoDay(completedOn), visibleDepartments: null }) };
  const [past] = await tx.query(
    `INSERT INTO assessments (title, framework_id, status, lead_id, started_at, completed_at, evidence, created_at, updated_at, version)
     VALUES ('Institution CRM maturity, last year', $1, 'completed', $2, $3, $4, $5, $3, $4, 2) RETURNING id`,
    [framework.id, lead.id, new Date(now - 400 * DAY).toISOString(), new Date(completedOn).toISOString(), JSON.stringify(evidence)]);
  const [current] = await tx.query(
    `INSERT INTO assessments (title, framework_id, status, lead_id, started_at, created_at, updated_at)
     VALUES ('Institution CRM maturity, this year', $1, 'in_progress', $2, $3, $3, $3) RETURNING id`,
    [framework.id, lead.id, new Date(now - 14 * DAY).toISOString()]);

  await bulkInsert(tx, 'assessment_answers', [['assessment_id', 'uuid'], ['respondent_id', 'uuid'], ['statement_key', 'text'], ['level', 'int'], ['evidence', 'text'], ['updated_at', 'timestamptz']], [
    ...answerRows(past.id, LAST_YEAR, people.map((p) => ({ id: p.id, share: 1 })), completedOn - 5 * DAY),
    ...answerRows(current.id, THIS_YEAR, [{ id: people[0].id, share: 1 }, { id: people[1].id, share: 0.5 }], now - 3 * DAY),
  ]);
  await tx.query(
    `INSERT INTO assessment_actions (assessment_id, dimension_key, text, owner_id, due_on, created_by, created_at, updated_at)
     VALUES ($1, 'processes_enquiry', 'Set up one front door for employer enquiries with a two-working-day response target', $2, $3, $2, $4, $4)`,
    [past.id, lead.id, isoDay(completedOn + 90 * DAY), new Date(completedOn).toISOString()]);
}
