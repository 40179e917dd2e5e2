import { describe, expect, it } from 'vitest';
import {
  labelOf,
  optionsOf,
  ORGANISATION_TYPE_LABELS,
  REGION_LABELS,
  RELATIONSHIP_STAGE_LABELS,
  SIC_SECTION_LABELS,
  sicSectionLabel,
  SIZE_BAND_LABELS,
} from './enum-labels';

describe('enum labels', () => {
  it('names organisation types in plain English', () => {
    expect(ORGANISATION_TYPE_LABELS.school_college).toBe('School or college');
    expect(ORGANISATION_TYPE_LABELS.public_body).toBe('Public body');
  });

  it('covers all 21 SIC 2007 sections A to U', () => {
    expect(Object.keys(SIC_SECTION_LABELS)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(sicSectionLabel('A')).toBe('A Agriculture, forestry and fishing');
    expect(sicSectionLabel('P')).toBe('P Education');
  });

  it('covers the 12 ITL1 regions with their official names', () => {
    expect(Object.keys(REGION_LABELS)).toHaveLength(12);
    expect(REGION_LABELS.yorkshire_humber).toBe('Yorkshire and The Humber');
    expect(REGION_LABELS.east_of_england).toBe('East of England');
    expect(REGION_LABELS.north_east).toBe('North East');
  });

  it('explains size bands by headcount (SME vs non-SME matters for HE-BCI)', () => {
    expect(SIZE_BAND_LABELS.medium).toContain('50 to 249');
  });

  it('labels stages', () => {
    expect(RELATIONSHIP_STAGE_LABELS.strategic_partner).toBe('Strategic partner');
  });
});

describe('optionsOf', () => {
  it('keeps the declared order', () => {
    expect(optionsOf(RELATIONSHIP_STAGE_LABELS).map((o) => o.value)).toEqual(['prospect', 'active', 'strategic_partner', 'dormant']);
  });
});

describe('labelOf', () => {
  it('falls back for empty values and shows unknown values as they are', () => {
    expect(labelOf(REGION_LABELS, null)).toBe('—');
    expect(labelOf(REGION_LABELS, undefined, 'Not set')).toBe('Not set');
    expect(labelOf(REGION_LABELS, 'atlantis' as never)).toBe('atlantis');
    expect(labelOf(REGION_LABELS, 'london')).toBe('London');
  });
});
