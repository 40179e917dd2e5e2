import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType, SizeBand } from '../organisation/organisation.enums';
import { academicYearRange, andAll, ReportFilter, scopeWhere, SqlParams } from './report-filter';
import { HeBciActivityMapping, HeBciCategory, HeBciCell, HeBciPartnerMapping, HeBciPartnerType, HeBciSummary } from './reports.models';

/** The HE-BCI table each heading belongs to. */
export const HEBCI_TABLE: Record<HeBciCategory, number> = {
  collaborative_research: 1,
  contract_research: 1,
  consultancy: 2,
  facilities_equipment: 2,
  cpd_continuing_education: 2,
  regeneration: 3,
  ip_licensing: 4,
};
const CATEGORY_ORDER = Object.keys(HEBCI_TABLE);
const PARTNER_ORDER = Object.values(HeBciPartnerType) as string[];

/**
 * The HE-BCI summary from won business. A contract runs from its start date (or the day it was
 * won) to its end date (or that same day); its value is shared between academic years in
 * proportion to the days of the contract that fall in each, so a three-year KTP counts a third a
 * year. Opportunity type → heading and organisation type + size band → partner type come from
 * the editable mapping tables.
 */
@Injectable()
export class HeBciService {
  constructor(private readonly db: DataSource) {}

  async summary(user: AuthUser, academicYear: string, filter?: Pick<ReportFilter, 'departmentIds' | 'ownerId'>): Promise<HeBciSummary> {
    const { from, to } = academicYearRange(academicYear);
    const p = new SqlParams();
    const visible = p.visibleTo('op', user);
    const fromP = p.add(from);
    const toP = p.add(to);
    const where = scopeWhere(p, filter, 'op', 'owner_id');
    const rows: Array<{ category: HeBciCategory | null; partner_type: HeBciPartnerType; count: number; value: string }> = await this.db.query(
      `WITH won AS (
         SELECT op.value_pence, m.category, coalesce(pm.partner_type, 'other_commercial') AS partner_type,
                coalesce(op.start_date, op.won_at::date) AS starts,
                greatest(coalesce(op.end_date, op.start_date, op.won_at::date), coalesce(op.start_date, op.won_at::date)) AS ends
           FROM opportunities op
           JOIN opportunity_stages s ON s.id = op.stage_id AND s.outcome = 'won'
           JOIN organisations o ON o.id = op.organisation_id
           LEFT JOIN hebci_activity_map m ON m.opportunity_type = op.type
           LEFT JOIN hebci_partner_map pm ON pm.organisation_type = o.type AND pm.size_band = coalesce(o.size_band, '')
          WHERE op.deleted_at IS NULL AND op.won_at IS NOT NULL AND ${visible}${andAll(where)}
       ), shares AS (
         SELECT category, partner_type, value_pence,
                least(ends, ${toP}::date) - greatest(starts, ${fromP}::date) + 1 AS days_in_year, ends - starts + 1 AS days
           FROM won
       )
       SELECT category, partner_type, count(*)::int AS count, round(sum(value_pence::numeric * days_in_year / days))::bigint AS value
         FROM shares WHERE days_in_year > 0
        GROUP BY 1, 2`,
      p.values,
    );
    const cells: HeBciCell[] = rows
      .filter((r) => r.category)
      .map((r) => {
        const valuePence = Number(r.value);
        return { table: HEBCI_TABLE[r.category!], category: r.category!, partnerType: r.partner_type, count: r.count, valuePence, valueThousands: Math.round(valuePence / 100_000) };
      })
      .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || PARTNER_ORDER.indexOf(a.partnerType) - PARTNER_ORDER.indexOf(b.partnerType));
    const [activityMapping, partnerMapping] = await Promise.all([this.activityMapping(), this.partnerMapping()]);
    return {
      academicYear, from, to, cells, activityMapping, partnerMapping,
      notReturnedCount: rows.filter((r) => !r.category).reduce((n, r) => n + r.count, 0),
    };
  }

  async activityMapping(): Promise<HeBciActivityMapping[]> {
    const rows = await this.db.query(`SELECT opportunity_type, category FROM hebci_activity_map`);
    const order = Object.values(OpportunityType) as string[];
    return rows
      .map((r: any) => ({ opportunityType: r.opportunity_type, category: r.category }))
      .sort((a: HeBciActivityMapping, b: HeBciActivityMapping) => order.indexOf(a.opportunityType) - order.indexOf(b.opportunityType));
  }

  async partnerMapping(): Promise<HeBciPartnerMapping[]> {
    const rows = await this.db.query(`SELECT organisation_type, size_band, partner_type FROM hebci_partner_map`);
    const types = Object.values(OrganisationType) as string[];
    const bands = [...Object.values(SizeBand), ''] as string[];
    return rows
      .map((r: any) => ({ organisationType: r.organisation_type, sizeBand: r.size_band || null, partnerType: r.partner_type, band: r.size_band }))
      .sort((a: any, b: any) => types.indexOf(a.organisationType) - types.indexOf(b.organisationType) || bands.indexOf(a.band) - bands.indexOf(b.band))
      .map(({ band: _band, ...m }: any) => m);
  }

  async setActivityMapping(opportunityType: OpportunityType, category: HeBciCategory | null): Promise<HeBciActivityMapping> {
    await this.db.query(
      `INSERT INTO hebci_activity_map (opportunity_type, category) VALUES ($1, $2)
       ON CONFLICT (opportunity_type) DO UPDATE SET category = EXCLUDED.category, updated_at = now()`, [opportunityType, category]);
    return { opportunityType, category };
  }

  async setPartnerMapping(organisationType: OrganisationType, sizeBand: SizeBand | null, partnerType: HeBciPartnerType): Promise<HeBciPartnerMapping> {
    await this.db.query(
      `INSERT INTO hebci_partner_map (organisation_type, size_band, partner_type) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_type, size_band) DO UPDATE SET partner_type = EXCLUDED.partner_type, updated_at = now()`,
      [organisationType, sizeBand ?? '', partnerType]);
    return { organisationType, sizeBand, partnerType };
  }
}
