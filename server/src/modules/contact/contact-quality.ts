import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';

/**
 * `alias` (contacts) has no lawful basis for processing their data: none recorded, or "consent"
 * with no consent record still standing (all withdrawn, or never recorded) — consent as a basis
 * needs a live consent. Served by contacts_lawful_basis_idx and consent_records_live_idx.
 */
export const withoutLawfulBasisSql = (alias: string) =>
  `(${alias}.lawful_basis IS NULL OR (${alias}.lawful_basis = 'consent' AND NOT EXISTS (SELECT 1 FROM consent_records qcr WHERE qcr.contact_id = ${alias}.id AND qcr.withdrawn_at IS NULL)))`;

/**
 * `alias` (contacts) was present at no live engagement this user may see on or after `:${param}`
 * (never-engaged people included); another department's confidential engagements do not count.
 */
export function contactNoEngagementSinceSql(alias: string, user: AuthUser, param: string): [string, Record<string, unknown>] {
  const [visible, params] = visibleTo('qe', user);
  return [
    `NOT EXISTS (SELECT 1 FROM engagement_contacts qec JOIN engagements qe ON qe.id = qec.engagement_id
      WHERE qec.contact_id = ${alias}.id AND qe.deleted_at IS NULL AND qe.occurred_on >= :${param}::date AND ${visible})`,
    params,
  ];
}
