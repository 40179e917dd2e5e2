import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';
import { contactNoEngagementSinceSql, withoutLawfulBasisSql } from '../contact/contact-quality';
import { opportunityConditions } from '../opportunity/opportunity.filter';
import { missingSql, noEngagementSinceSql, OrganisationQualityField } from '../organisation/organisation-quality';
import { DataQuality } from './models/data-quality.model';
import { twelveMonthsBefore, ukToday } from '../../common/dates/uk-dates';

@Injectable()
export class DataQualityService {
  constructor(private readonly db: DataSource) {}

  /**
   * Every count in one statement (one scan of organisations with FILTERed counts, and one
   * subquery each for contacts and opportunities), built from the same SQL fragments as the list
   * filters, so a count and its "Fix these" list cannot disagree.
   */
  async counts(user: AuthUser): Promise<DataQuality> {
    const today = ukToday();
    const engagementCutoff = twelveMonthsBefore(today);
    const [visible, visibleParams] = visibleTo('o', user);
    const [orgQuiet, orgQuietParams] = noEngagementSinceSql('o', user, 'cutoff');
    const [contactQuiet, contactQuietParams] = contactNoEngagementSinceSql('c', user, 'cutoff');
    const stale = opportunityConditions('x', user, { staleOnly: true });
    const sql = `
      SELECT
        count(*) FILTER (WHERE ${missingSql('o', OrganisationQualityField.sector)})::int AS "organisationsMissingSector",
        count(*) FILTER (WHERE ${missingSql('o', OrganisationQualityField.sizeBand)})::int AS "organisationsMissingSizeBand",
        count(*) FILTER (WHERE ${missingSql('o', OrganisationQualityField.postcode)})::int AS "organisationsMissingPostcode",
        count(*) FILTER (WHERE ${orgQuiet})::int AS "organisationsWithoutRecentEngagement",
        (SELECT count(*)::int FROM contacts c WHERE c.deleted_at IS NULL AND ${contactQuiet}) AS "contactsWithoutRecentEngagement",
        (SELECT count(*)::int FROM contacts c WHERE c.deleted_at IS NULL AND ${withoutLawfulBasisSql('c')}) AS "contactsWithoutLawfulBasis",
        (SELECT count(*)::int FROM opportunities x WHERE ${stale.where.join(' AND ')}) AS "staleOpportunities"
      FROM organisations o
      WHERE o.deleted_at IS NULL AND ${visible}`;
    const params = { ...visibleParams, ...orgQuietParams, ...contactQuietParams, ...stale.params, cutoff: engagementCutoff };
    const [query, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    const [row] = await this.db.query(query, values);
    return { ...row, today, engagementCutoff };
  }
}
