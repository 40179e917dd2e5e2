import { registerEnumType } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';

/** The fields the data-quality page checks for on every organisation. */
export enum OrganisationQualityField {
  sector = 'sector',
  sizeBand = 'sizeBand',
  postcode = 'postcode',
}
registerEnumType(OrganisationQualityField, { name: 'OrganisationQualityField', description: 'A field an organisation should have: sector, size band or postcode' });

const COLUMNS: Record<OrganisationQualityField, string> = {
  [OrganisationQualityField.sector]: 'sector',
  [OrganisationQualityField.sizeBand]: 'size_band',
  [OrganisationQualityField.postcode]: 'postcode',
};

/** `alias` (organisations) lacks `field`. Kept identical to the partial indexes organisations_missing_*_idx. */
export const missingSql = (alias: string, field: OrganisationQualityField) => `${alias}.${COLUMNS[field]} IS NULL`;

/**
 * `alias` (organisations) has no live engagement this user may see that occurred on or after the
 * date in `:${param}` — never-engaged organisations included. Engagements confidential to another
 * department do not count: counting them would reveal that they exist.
 */
export function noEngagementSinceSql(alias: string, user: AuthUser, param: string): [string, Record<string, unknown>] {
  const [visible, params] = visibleTo('qe', user);
  return [
    `NOT EXISTS (SELECT 1 FROM engagements qe WHERE qe.organisation_id = ${alias}.id AND qe.deleted_at IS NULL AND qe.occurred_on >= :${param}::date AND ${visible})`,
    params,
  ];
}
