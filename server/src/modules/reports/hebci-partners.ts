import { EntityManager } from 'typeorm';
import { hebciSector } from './hebci-sector';
import { HeBciEuroRate, HeBciPartnerType, SmeBasis, SmeStatus } from './hebci.models';
import { SizeFacts, smeDecision, smeThresholdsPence } from './sme-test';

/** The configured euro rate for the SME thresholds (one row, edited by admins). */
export async function euroRate(db: EntityManager): Promise<HeBciEuroRate> {
  const [r] = await db.query(`SELECT gbp_per_eur::float AS rate, rate_source, rate_date::text FROM hebci_settings`);
  const t = smeThresholdsPence(r.rate);
  return { gbpPerEur: r.rate, source: r.rate_source, rateDate: r.rate_date, smeTurnoverMaxPence: t.turnover, smeBalanceSheetMaxPence: t.balanceSheet };
}

interface OrgRow extends SizeFacts {
  id: string;
  parentId: string | null;
  companyCategory: string | null;
  commercial: boolean;
}

/**
 * Each organisation's HE-BCI partner type and why: non-commercial bodies by Companies House
 * category or type; commercial ones by the SME test over their own figures and their parent
 * chain (read with one recursive query).
 */
export async function partnerTypes(db: EntityManager, organisationIds: string[], gbpPerEur: number): Promise<Map<string, SmeStatus>> {
  if (!organisationIds.length) return new Map();
  const rows: OrgRow[] = await db.query(
    `WITH RECURSIVE chain AS (
       SELECT o.id, o.parent_id FROM organisations o WHERE o.id = ANY($1::uuid[])
       UNION
       SELECT p.id, p.parent_id FROM organisations p JOIN chain c ON p.id = c.parent_id
     )
     SELECT o.id, o.name, o.parent_id AS "parentId", o.company_category AS "companyCategory", o.headcount,
            o.turnover_pence::float8 AS "turnoverPence", o.balance_sheet_pence::float8 AS "balanceSheetPence", o.size_band AS "sizeBand",
            o.parent_ownership_percent AS "parentOwnershipPercent", coalesce(s.commercial, false) AS commercial
       FROM organisations o JOIN (SELECT DISTINCT id FROM chain) c ON c.id = o.id
       LEFT JOIN hebci_sector_map s ON s.organisation_type = o.type`,
    [organisationIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, SmeStatus>();
  for (const id of organisationIds) {
    const o = byId.get(id);
    if (o) out.set(id, partnerStatus(o, byId, gbpPerEur));
  }
  return out;
}

function partnerStatus(o: OrgRow, byId: Map<string, OrgRow>, gbpPerEur: number): SmeStatus {
  const sector = hebciSector(o.companyCategory, o.commercial);
  if (sector.sector === 'non_commercial') {
    return { partnerType: HeBciPartnerType.non_commercial, size: null, basis: SmeBasis.non_commercial, reason: `non-commercial (${sector.basis})` };
  }
  const parents: OrgRow[] = [];
  for (let p = o.parentId ? byId.get(o.parentId) : undefined; p && !parents.includes(p) && p !== o; p = p.parentId ? byId.get(p.parentId) : undefined) {
    parents.push(p);
  }
  const d = smeDecision(o, parents, gbpPerEur);
  const partnerType = d.size === 'sme' ? HeBciPartnerType.sme : d.size === 'large' ? HeBciPartnerType.other_commercial : HeBciPartnerType.unknown;
  return { partnerType, size: d.size, basis: d.basis as SmeBasis, reason: d.reason };
}
