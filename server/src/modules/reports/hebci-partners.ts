import { EntityManager } from 'typeorm';
import { hebciSector } from './hebci-sector';
import { ORGANISATION_CHAIN_SQL } from './hebci.sql';
import { HeBciEuroRate, HeBciPartnerType, SmeBasis, SmeStatus } from './hebci.models';
import { SizeFacts, smeDecision, smeThresholdsPence } from './sme-test';

/** The configured euro rate for the SME thresholds (one row, edited by admins). */
export async function euroRate(db: EntityManager): Promise<HeBciEuroRate> {
  const [r] = await db.query(`SELECT gbp_per_eur::float AS rate, rate_source, rate_date::text FROM hebci_settings`);
  const t = smeThresholdsPence(r.rate);
  return { gbpPerEur: r.rate, source: r.rate_source, rateDate: r.rate_date, smeTurnoverMaxPence: t.turnover, smeBalanceSheetMaxPence: t.balanceSheet };
}

/** An organisation's size facts as ORGANISATION_FACTS reads them. */
export interface OrgRow extends SizeFacts {
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
  const rows: OrgRow[] = await db.query(ORGANISATION_CHAIN_SQL, [organisationIds]);
  return statusesOf(organisationIds, new Map(rows.map((r) => [r.id, r])), gbpPerEur);
}

/**
 * The same for organisations whose own facts are already read (with the report's rows): only the
 * parent chains of those that have a parent are read, so a year of contracts does not read its
 * thousands of organisations twice.
 */
export async function partnerTypesOf(db: EntityManager, organisations: OrgRow[], gbpPerEur: number): Promise<Map<string, SmeStatus>> {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const parentIds = [...new Set(organisations.flatMap((o) => (o.parentId ? [o.parentId] : [])))];
  if (parentIds.length) {
    const chains: OrgRow[] = await db.query(ORGANISATION_CHAIN_SQL, [parentIds]);
    for (const r of chains) if (!byId.has(r.id)) byId.set(r.id, r);
  }
  return statusesOf([...new Set(organisations.map((o) => o.id))], byId, gbpPerEur);
}

function statusesOf(organisationIds: string[], byId: Map<string, OrgRow>, gbpPerEur: number): Map<string, SmeStatus> {
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
