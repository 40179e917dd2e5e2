import type { DuplicateKind, DuplicateReasonKind } from '../../../graphql/generated';

export interface ReasonLike {
  kind: DuplicateReasonKind;
  similarity?: number | null;
  value?: string | null;
}

/** One reason in words: "Same website domain (acme.co.uk)", "Similar name (0.82) in NE". */
export function reasonText(reason: ReasonLike, kind: DuplicateKind): string {
  const value = reason.value ? ` (${reason.value})` : '';
  switch (reason.kind) {
    case 'companies_house_number':
      return `Same Companies House number${value}`;
    case 'domain':
      return `Same website domain${value}`;
    case 'email':
      return `Same email${value}`;
    case 'similar_name': {
      const score = reason.similarity === null || reason.similarity === undefined ? '' : ` (${reason.similarity.toFixed(2)})`;
      const where = reason.value ? (kind === 'organisation' ? ` in ${reason.value}` : ` at ${reason.value}`) : '';
      return `Similar name${score}${where}`;
    }
  }
}

/** The score as people read it: exact matches are 2 or more, a name-only pair is its similarity. */
export const scoreText = (score: number): string => score.toFixed(2);

export interface ActivityCounts {
  engagements: number;
  opportunities: number;
  tasks: number;
  affiliations: number;
  consentRecords: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 engagements, 1 opportunity and 2 people" — what moves with a record; null when nothing does. */
export function activityText(counts: ActivityCounts, kind: DuplicateKind): string | null {
  const parts = [
    counts.engagements && plural(counts.engagements, 'engagement'),
    counts.opportunities && plural(counts.opportunities, 'opportunity', 'opportunities'),
    counts.tasks && plural(counts.tasks, 'task'),
    counts.affiliations && (kind === 'organisation' ? plural(counts.affiliations, 'person', 'people') : plural(counts.affiliations, 'organisation')),
    counts.consentRecords && plural(counts.consentRecords, 'consent record'),
  ].filter((p): p is string => !!p);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A merge's moved rows in words for the history, e.g. "2 engagements, 1 task". */
const TABLE_WORDS: Record<string, [string, string]> = {
  engagements: ['engagement', 'engagements'],
  opportunities: ['opportunity', 'opportunities'],
  tasks: ['task', 'tasks'],
  affiliations: ['affiliation', 'affiliations'],
  consent_records: ['consent record', 'consent records'],
  engagement_contacts: ['engagement link', 'engagement links'],
  opportunity_contacts: ['opportunity link', 'opportunity links'],
};

export function movedText(moved: ReadonlyArray<{ table: string; count: number }>): string {
  if (!moved.length) return 'Nothing else moved';
  return moved.map(({ table, count }) => {
    const [one, many] = TABLE_WORDS[table] ?? [table, table];
    return `${count} ${count === 1 ? one : many}`;
  }).join(', ');
}

export interface ScanLike {
  pendingOrganisations: number;
  checkedUpTo?: string | null;
}

/**
 * While the background scan is behind (after an import, say), how far the list can be trusted:
 * "Checked up to 10:32 — 1,200 organisations still to check"; the time gets its date when it is
 * not today. Null once everything is checked.
 */
export function scanText(scan: ScanLike | null | undefined, now: Date = new Date(), timeZone = 'Europe/London'): string | null {
  if (!scan || scan.pendingOrganisations <= 0) return null;
  const n = scan.pendingOrganisations;
  const still = `${n.toLocaleString('en-GB')} ${n === 1 ? 'organisation' : 'organisations'} still to check`;
  if (!scan.checkedUpTo) return `Not checked yet — ${still}`;
  const at = new Date(scan.checkedUpTo);
  const day = (d: Date) => d.toLocaleDateString('en-GB', { timeZone });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const when = day(at) === day(now) ? time : `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone })}, ${time}`;
  return `Checked up to ${when} — ${still}`;
}
