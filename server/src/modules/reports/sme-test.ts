/**
 * The EU/HESA SME test (Commission Recommendation 2003/361/EC, as the HE-BCI record uses it):
 * fewer than 250 staff AND (turnover ≤ €50m OR balance sheet total ≤ €43m), AND not 25 % or more
 * owned by an enterprise that is not an SME. Figures are in pence; the euro thresholds are
 * converted at the configured rate (hebci_settings). Where the figures cannot decide, the size
 * band decides (micro/small/medium ⇒ SME, large ⇒ not), and with neither the size is unknown.
 */
export const SME_MAX_STAFF_EXCLUSIVE = 250;
export const SME_MAX_TURNOVER_EUR = 50_000_000;
export const SME_MAX_BALANCE_SHEET_EUR = 43_000_000;
export const GROUP_SHARE_PERCENT = 25;

export type SmeSize = 'sme' | 'large' | 'unknown';
export type SmeBasis = 'figures' | 'size_band' | 'group' | 'none';

export interface SizeFacts {
  name: string;
  headcount: number | null;
  turnoverPence: number | null;
  balanceSheetPence: number | null;
  sizeBand: string | null;
  /** Share the parent holds; null with a parent recorded counts as control (≥ 25 %). */
  parentOwnershipPercent?: number | null;
}

export interface SmeDecision {
  size: SmeSize;
  basis: SmeBasis;
  reason: string;
}

/** The thresholds in pence at a rate of `gbpPerEur` pounds to the euro. */
export function smeThresholdsPence(gbpPerEur: number): { turnover: number; balanceSheet: number } {
  return { turnover: Math.round(SME_MAX_TURNOVER_EUR * gbpPerEur * 100), balanceSheet: Math.round(SME_MAX_BALANCE_SHEET_EUR * gbpPerEur * 100) };
}

// One formatter (toLocaleString builds one per call, which shows across a year's thousands of partners).
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pounds = (pence: number) => `£${WHOLE_POUNDS.format(pence / 100)}`;

/** The organisation on its own figures (or band), ignoring any group. */
export function ownSize(o: SizeFacts, gbpPerEur: number): SmeDecision {
  const t = smeThresholdsPence(gbpPerEur);
  const turnoverOk = o.turnoverPence === null ? null : o.turnoverPence <= t.turnover;
  const balanceOk = o.balanceSheetPence === null ? null : o.balanceSheetPence <= t.balanceSheet;
  if (o.headcount !== null && o.headcount >= SME_MAX_STAFF_EXCLUSIVE) {
    return { size: 'large', basis: 'figures', reason: `${o.headcount} staff (250 or more)` };
  }
  if (turnoverOk === false && balanceOk === false) {
    return { size: 'large', basis: 'figures', reason: `turnover ${pounds(o.turnoverPence!)} over ${pounds(t.turnover)} and balance sheet ${pounds(o.balanceSheetPence!)} over ${pounds(t.balanceSheet)}` };
  }
  if (o.headcount !== null && (turnoverOk || balanceOk)) {
    const money = turnoverOk ? `turnover ${pounds(o.turnoverPence!)} ≤ ${pounds(t.turnover)}` : `balance sheet ${pounds(o.balanceSheetPence!)} ≤ ${pounds(t.balanceSheet)}`;
    return { size: 'sme', basis: 'figures', reason: `${o.headcount} staff (under 250) and ${money}` };
  }
  if (o.sizeBand === 'large') return { size: 'large', basis: 'size_band', reason: 'size band large (figures not recorded)' };
  if (o.sizeBand === 'micro' || o.sizeBand === 'small' || o.sizeBand === 'medium') {
    return { size: 'sme', basis: 'size_band', reason: `size band ${o.sizeBand} (figures not recorded)` };
  }
  return { size: 'unknown', basis: 'none', reason: 'no headcount with turnover or balance sheet, and no size band' };
}

/**
 * The SME decision for an organisation and its parent chain (nearest parent first). A parent
 * holding 25 % or more that is itself not an SME (on its own figures or its group's) makes the
 * organisation not an SME; a parent holding 25 % or more whose size is unknown leaves the answer
 * unknown, since the test cannot be completed.
 */
export function smeDecision(o: SizeFacts, parents: readonly SizeFacts[], gbpPerEur: number): SmeDecision {
  const own = ownSize(o, gbpPerEur);
  const [parent, ...grandparents] = parents;
  if (!parent || own.size === 'large') return own;
  const share = o.parentOwnershipPercent ?? 100;
  if (share < GROUP_SHARE_PERCENT) return own;
  const group = smeDecision(parent, grandparents, gbpPerEur);
  const held = o.parentOwnershipPercent === null || o.parentOwnershipPercent === undefined ? 'owned (share not recorded)' : `${share} % owned`;
  if (group.size === 'large') return { size: 'large', basis: 'group', reason: `${held} by ${parent.name}, which is not an SME: ${group.reason}` };
  if (group.size === 'unknown') return { size: 'unknown', basis: 'group', reason: `${held} by ${parent.name}, whose size is unknown` };
  return own;
}
