import { EntityManager } from 'typeorm';
import { SqlParams } from '../reports/report-filter';
import { NAME_SIMILARITY } from '../duplicates/duplicate-rule';
import { distinctCompaniesSql } from '../organisation/company-register';
import { EvidenceIndicatorKey } from './evidence-levels';
import { ukDateSql, ukDayStartSql } from '../../common/database/uk-today';

/** One measured figure: value = numerator / denominator for shares; null when there is nothing to measure. */
export interface MeasuredIndicator {
  key: EvidenceIndicatorKey;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface EvidenceScope {
  /** Null: the whole institution. */
  departmentId: string | null;
  /** ISO day the windows (last 90 days, last 12 months) end on. */
  asOf: string;
  /** The reader's departments for the confidentiality rule; null sees everything (visibleParam). */
  visibleDepartments: string[] | null;
}

/** Names in the same postcode area this similar count as duplicate candidates: the duplicates page's rule (duplicate-rule.ts). */
export const DUPLICATE_SIMILARITY = NAME_SIMILARITY;
/** Two companies (different numbers, or dissolved beside live) are not duplicates however alike their names: the duplicates page's rule too. */
const NOT_ONE = distinctCompaniesSql({ ch: 'a.ch', status: 'a.status' }, { ch: 'b.ch', status: 'b.status' });

/**
 * Every evidence indicator in one statement (docs/maturity-scoring.md defines each). Archived
 * records never count, and confidential ones count only for readers who may see them.
 */
export async function measureEvidence(tx: EntityManager, scope: EvidenceScope): Promise<MeasuredIndicator[]> {
  const p = new SqlParams();
  const asOf = `${p.add(scope.asOf)}::date`;
  const dept = scope.departmentId ? `${p.add(scope.departmentId)}::uuid` : null;
  p.add(scope.visibleDepartments);
  const visible = (alias: string) => `($${p.values.length}::uuid[] IS NULL OR NOT ${alias}.confidential OR ${alias}.department_id = ANY($${p.values.length}::uuid[]))`;
  const inDept = (alias: string) => (dept ? ` AND ${alias}.department_id = ${dept}` : '');
  const liveEngagement = (alias: string) => `${alias}.deleted_at IS NULL AND ${visible(alias)} AND ${alias}.occurred_on <= ${asOf}`;

  // Uptake: departments engaging (institution), or the department's non-viewer staff engaging (department).
  const uptake = dept
    ? `SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM engagements e WHERE e.department_id = ${dept} AND ${liveEngagement('e')} AND e.occurred_on > ${asOf} - 90
              AND (e.created_by = u.id OR EXISTS (SELECT 1 FROM engagement_staff es WHERE es.engagement_id = e.id AND es.user_id = u.id))))::int AS num,
              count(*)::int AS den
         FROM users u JOIN user_departments ud ON ud.user_id = u.id AND ud.department_id = ${dept}
        WHERE u.deleted_at IS NULL AND u.role <> 'viewer'`
    : `SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM engagements e WHERE e.department_id = d.id AND ${liveEngagement('e')} AND e.occurred_on > ${asOf} - 90))::int AS num,
              count(*)::int AS den
         FROM departments d WHERE d.deleted_at IS NULL`;
  const scopedOrganisation = dept
    ? ` AND (o.department_id = ${dept} OR EXISTS (SELECT 1 FROM engagements e WHERE e.organisation_id = o.id AND e.department_id = ${dept} AND e.deleted_at IS NULL))`
    : '';

  const [r] = await tx.query(
    `WITH uptake AS (${uptake}),
     linked AS (
       SELECT count(*) FILTER (WHERE e.organisation_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM engagement_contacts ec JOIN contacts c ON c.id = ec.contact_id AND c.deleted_at IS NULL WHERE ec.engagement_id = e.id))::int AS num,
              count(*)::int AS den
         FROM engagements e WHERE ${liveEngagement('e')} AND e.occurred_on > ${asOf} - 365${inDept('e')}),
     names AS (
       SELECT o.id, bce_name_key(o.name) AS name, bce_postcode_area(o.postcode) AS area, (TRUE${scopedOrganisation}) AS in_scope,
              o.companies_house_number AS ch, o.company_status AS status,
              (o.sector IS NOT NULL)::int + (o.size_band IS NOT NULL)::int + (coalesce(o.postcode, '') <> '')::int + (coalesce(o.website, '') <> '')::int AS filled
         FROM organisations o WHERE o.deleted_at IS NULL AND ${visible('o')}),
     duplicates AS (
       SELECT a.id FROM names a JOIN names b ON b.name = a.name AND b.id <> a.id WHERE a.name <> '' AND NOT ${NOT_ONE}
       UNION
       SELECT a.id FROM names a JOIN names b ON b.area = a.area AND b.id <> a.id
        WHERE a.name <> '' AND b.name <> '' AND similarity(a.name, b.name) >= ${DUPLICATE_SIMILARITY} AND NOT ${NOT_ONE}),
     organisations AS (
       SELECT count(*) FILTER (WHERE id IN (SELECT id FROM duplicates))::int AS duplicates, count(*)::int AS den, coalesce(sum(filled), 0)::int AS filled
         FROM names WHERE in_scope),
     enquiries AS (
       SELECT e.occurred_on, least(
                (SELECT min(x.occurred_on) FROM engagements x
                  WHERE x.organisation_id = e.organisation_id AND x.type <> 'enquiry' AND ${liveEngagement('x')}
                    AND (x.occurred_on > e.occurred_on OR (x.occurred_on = e.occurred_on AND x.created_at > e.created_at))),
                (SELECT min(${ukDateSql('t.completed_at')}) FROM tasks t
                  WHERE t.engagement_id = e.id AND t.status = 'done' AND t.deleted_at IS NULL AND ${visible('t')} AND t.completed_at < ${ukDayStartSql(`${asOf} + 1`)})
              ) AS answered_on
         FROM engagements e WHERE e.type = 'enquiry' AND ${liveEngagement('e')} AND e.occurred_on > ${asOf} - 365${inDept('e')}),
     timed AS (
       SELECT answered_on, (SELECT count(*) FROM generate_series(occurred_on + 1, coalesce(answered_on, ${asOf}), interval '1 day') d
                             WHERE extract(isodow FROM d) < 6)::int AS working_days
         FROM enquiries),
     opportunities AS (
       SELECT count(*) FILTER (WHERE op.value_pence > 0 AND op.expected_close_date IS NOT NULL)::int AS num, count(*)::int AS den
         FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id AND s.outcome IN ('open', 'won')
        WHERE op.deleted_at IS NULL AND ${visible('op')}${inDept('op')})
     SELECT uptake.num AS uptake_num, uptake.den AS uptake_den, linked.num AS linked_num, linked.den AS linked_den,
            organisations.duplicates, organisations.den AS organisations, organisations.filled,
            (SELECT count(*) FILTER (WHERE answered_on IS NOT NULL AND working_days <= 2)::int FROM timed) AS answered_num,
            -- An unanswered enquiry still inside its two working days cannot be judged yet.
            (SELECT count(*) FILTER (WHERE answered_on IS NOT NULL OR working_days > 2)::int FROM timed) AS answered_den,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days) FROM timed WHERE answered_on IS NOT NULL) AS median_days,
            opportunities.num AS opportunities_num, opportunities.den AS opportunities_den
       FROM uptake, linked, organisations, opportunities`,
    p.values,
  );
  const share = (key: EvidenceIndicatorKey, numerator: number, denominator: number): MeasuredIndicator =>
    ({ key, numerator, denominator, value: denominator ? numerator / denominator : null });
  return [
    share(EvidenceIndicatorKey.departments_engaging, r.uptake_num, r.uptake_den),
    share(EvidenceIndicatorKey.engagements_linked, r.linked_num, r.linked_den),
    share(EvidenceIndicatorKey.duplicate_candidates, r.duplicates, r.organisations),
    share(EvidenceIndicatorKey.organisation_completeness, r.filled, 4 * r.organisations),
    share(EvidenceIndicatorKey.enquiries_answered, r.answered_num, r.answered_den),
    { key: EvidenceIndicatorKey.enquiry_median_response, value: r.median_days === null ? null : Number(r.median_days), numerator: null, denominator: null },
    share(EvidenceIndicatorKey.opportunities_complete, r.opportunities_num, r.opportunities_den),
  ];
}
