import { describe, expect, it } from 'vitest';
import { activityText, movedText, reasonText, scanText, scoreText } from './duplicate-wording';

describe('reasonText', () => {
  it('words each reason with what matched', () => {
    expect(reasonText({ kind: 'domain', value: 'acme.co.uk' }, 'organisation')).toBe('Same website domain (acme.co.uk)');
    expect(reasonText({ kind: 'companies_house_number', value: '01234567' }, 'organisation')).toBe('Same Companies House number (01234567)');
    expect(reasonText({ kind: 'email', value: 'jo@acme.co.uk' }, 'contact')).toBe('Same email (jo@acme.co.uk)');
  });

  it('gives a similar name its similarity and where', () => {
    expect(reasonText({ kind: 'similar_name', similarity: 0.8234, value: 'NE' }, 'organisation')).toBe('Similar name (0.82) in NE');
    expect(reasonText({ kind: 'similar_name', similarity: 1, value: 'Acme Ltd' }, 'contact')).toBe('Similar name (1.00) at Acme Ltd');
  });
});

describe('activityText', () => {
  it('lists what will move, in words, skipping nothing-to-move', () => {
    expect(activityText({ engagements: 3, opportunities: 1, tasks: 0, affiliations: 2, consentRecords: 0 }, 'organisation')).toBe('3 engagements, 1 opportunity and 2 people');
    expect(activityText({ engagements: 0, opportunities: 0, tasks: 1, affiliations: 1, consentRecords: 1 }, 'contact')).toBe('1 task, 1 organisation and 1 consent record');
    expect(activityText({ engagements: 0, opportunities: 0, tasks: 0, affiliations: 0, consentRecords: 0 }, 'contact')).toBeNull();
  });
});

describe('movedText and scoreText', () => {
  it('words a merge history row', () => {
    expect(movedText([{ table: 'engagements', count: 2 }, { table: 'opportunity_contacts', count: 1 }])).toBe('2 engagements, 1 opportunity link');
    expect(movedText([])).toBe('Nothing else moved');
    expect(scoreText(2.8234)).toBe('2.82');
  });
});

describe('scanText', () => {
  const now = new Date('2025-12-03T15:00:00Z');

  it('says nothing once every organisation is checked', () => {
    expect(scanText({ pendingOrganisations: 0, checkedUpTo: '2025-12-03T10:32:00Z' }, now, 'UTC')).toBeNull();
    expect(scanText(null, now, 'UTC')).toBeNull();
  });

  it('says how far the check has got and how many are left while it is behind', () => {
    expect(scanText({ pendingOrganisations: 1200, checkedUpTo: '2025-12-03T10:32:10Z' }, now, 'UTC')).toBe('Checked up to 10:32 — 1,200 organisations still to check');
    expect(scanText({ pendingOrganisations: 1, checkedUpTo: '2025-12-01T09:05:00Z' }, now, 'UTC')).toBe('Checked up to 1 Dec, 09:05 — 1 organisation still to check');
    expect(scanText({ pendingOrganisations: 40, checkedUpTo: null }, now, 'UTC')).toBe('Not checked yet — 40 organisations still to check');
  });
});
