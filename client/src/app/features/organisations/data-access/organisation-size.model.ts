import type { UpdateOrganisationInput } from '../../../graphql/generated';
import { parsePounds, poundsText as pounds } from '../../../shared/money/money';

export interface OrganisationSizeFormValue {
  headcount: string;
  turnover: string;
  balanceSheet: string;
  sizeYear: string;
  parent: { id: string; name: string } | string | null;
  parentOwnershipPercent: string;
}

const whole = (text: string, label: string, min: number, max: number, problems: string[]): number | null => {
  if (!text.trim()) return null;
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) problems.push(`${label}: a whole number from ${min} to ${max}`);
  return Number.isInteger(n) ? n : null;
};
const money = (text: string, label: string, problems: string[]): number | null => {
  const p = parsePounds(text);
  if (Number.isNaN(p)) problems.push(`${label}: an amount in pounds, e.g. 12,500,000`);
  return p === null || Number.isNaN(p) ? null : p;
};

/** The size-and-group fields as updateOrganisation wants them (pounds → pence, blanks → null), or what to fix first. */
export function toSizeInput(v: OrganisationSizeFormValue): { input: UpdateOrganisationInput; problems: string[] } {
  const problems: string[] = [];
  if (typeof v.parent === 'string' && v.parent.trim()) problems.push('Parent organisation: choose it from the list');
  const parentId = v.parent && typeof v.parent === 'object' ? v.parent.id : null;
  const input: UpdateOrganisationInput = {
    headcount: whole(v.headcount, 'Headcount', 0, 10_000_000, problems),
    turnoverPence: money(v.turnover, 'Turnover', problems),
    balanceSheetPence: money(v.balanceSheet, 'Balance sheet total', problems),
    sizeYear: whole(v.sizeYear, 'Year of the figures', 1900, 2200, problems),
    parentId,
    parentOwnershipPercent: parentId ? whole(v.parentOwnershipPercent, 'Share held by the parent', 0, 100, problems) : null,
  };
  return { input, problems };
}


export function sizeFormValue(o: {
  headcount?: number | null; turnoverPence?: unknown; balanceSheetPence?: unknown; sizeYear?: number | null; parentOwnershipPercent?: number | null;
}, parent: { id: string; name: string } | null): OrganisationSizeFormValue {
  return {
    headcount: o.headcount?.toString() ?? '', turnover: pounds(o.turnoverPence), balanceSheet: pounds(o.balanceSheetPence), sizeYear: o.sizeYear?.toString() ?? '',
    parent, parentOwnershipPercent: o.parentOwnershipPercent?.toString() ?? '',
  };
}

/** "SME: yes — 40 staff (under 250) and …" for the organisation page. */
export function smeSummary(s: { partnerType: string; size?: string | null; reason: string }): string {
  const answer = s.partnerType === 'non_commercial' ? 'not applicable (non-commercial)' : s.size === 'sme' ? 'yes' : s.size === 'large' ? 'no' : 'unknown';
  return `SME: ${answer} — ${s.reason}`;
}
