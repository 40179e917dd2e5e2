import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditFieldLabel, formatAuditValue, formatChanges, parseAuditValue, showsValuesOnly } from './audit-format';

describe('auditFieldLabel', () => {
  it('names known fields the way the forms do', () => {
    expect(auditFieldLabel('relationshipStage')).toBe('Relationship stage');
    expect(auditFieldLabel('ownerId')).toBe('Owner');
    expect(auditFieldLabel('occurredOn')).toBe('Date');
  });

  it('turns an unknown camelCase field into words', () => {
    expect(auditFieldLabel('healthScoreBand')).toBe('Health score band');
    expect(auditFieldLabel('parentGroupId')).toBe('Parent group');
  });
});

describe('auditActionLabel', () => {
  it('reads as a past-tense verb', () => {
    expect(auditActionLabel('create')).toBe('Created');
    expect(auditActionLabel('archive')).toBe('Archived');
  });
});

describe('parseAuditValue', () => {
  it('parses lists and booleans but leaves digit strings alone', () => {
    expect(parseAuditValue('["a","b"]')).toEqual(['a', 'b']);
    expect(parseAuditValue('true')).toBe(true);
    expect(parseAuditValue('01234567')).toBe('01234567');
    expect(parseAuditValue('[not json')).toBe('[not json');
    expect(parseAuditValue(null)).toBeNull();
  });
});

describe('formatAuditValue', () => {
  it('shows enum labels, Yes/No, British dates and a dash for nothing', () => {
    expect(formatAuditValue('relationshipStage', 'strategic_partner')).toBe('Strategic partner');
    expect(formatAuditValue('type', 'placement_visit')).toBe('Placement visit');
    expect(formatAuditValue('relationshipRoles', '["customer","funder"]')).toBe('Customer, Funder');
    expect(formatAuditValue('confidential', 'true')).toBe('Yes');
    expect(formatAuditValue('occurredOn', '2025-03-12')).toBe('12 Mar 2025');
    expect(formatAuditValue('legalName', null)).toBe('—');
    expect(formatAuditValue('tags', '[]')).toBe('—');
  });

  it('names ids it can look up and never shows a raw id', () => {
    const lookup = (id: string) => ({ u1: 'Priya Shah' })[id];
    expect(formatAuditValue('ownerId', 'u1', lookup)).toBe('Priya Shah');
    expect(formatAuditValue('ownerId', 'u2', lookup)).toBe('another record');
    expect(formatAuditValue('contactIds', '["u1"]', lookup)).toBe('Priya Shah');
  });
});

describe('formatChanges', () => {
  it('labels each change old → new, ordered by label', () => {
    expect(
      formatChanges([
        { field: 'town', old: null, new: 'Newcastle upon Tyne' },
        { field: 'name', old: 'Quayside Robotics Ltd', new: 'Quayside Robotics Group' },
      ]),
    ).toEqual([
      { field: 'name', label: 'Name', old: 'Quayside Robotics Ltd', new: 'Quayside Robotics Group' },
      { field: 'town', label: 'Town', old: '—', new: 'Newcastle upon Tyne' },
    ]);
  });
});

describe('events of related records in a History', () => {
  it('names what happened to a role or to consent', () => {
    expect(auditActionLabel('create', 'affiliation')).toBe('Role added');
    expect(auditActionLabel('update', 'consent')).toBe('Consent withdrawn');
    expect(auditActionLabel('update', 'contact')).toBe('Updated');
  });

  it('shows a withdrawal as values, not old → new, and its moment as a date and time', () => {
    expect(showsValuesOnly('update', 'consent')).toBe(true);
    expect(showsValuesOnly('update', 'affiliation')).toBe(false);
    expect(formatAuditValue('withdrawnAt', '2026-03-04T10:15:00.000Z')).toMatch(/4 Mar 2026/);
  });
});
