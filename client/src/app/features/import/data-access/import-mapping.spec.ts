import { describe, expect, it } from 'vitest';
import { fromSelectValue, mappingProblems, sampleValues, toSelectValue } from './import-mapping';

const FIELDS = [
  { name: 'name', label: 'Name', required: true },
  { name: 'postcode', label: 'Postcode', required: false },
];

describe('mapping', () => {
  it('needs every required field filled, and each field by one column only', () => {
    expect(mappingProblems(['name', 'postcode', null], FIELDS)).toEqual([]);
    expect(mappingProblems([null, 'postcode'], FIELDS)).toEqual(['A column must fill Name']);
    expect(mappingProblems(['name', 'postcode', 'postcode'], FIELDS)).toEqual(['Postcode is filled by more than one column: choose one']);
  });

  it('samples a column from the first rows, leaving blanks out', () => {
    const rows = [{ cells: ['Tyne', ' NE1 4XF '] }, { cells: ['Acme', null] }, { cells: ['Smith', ''] }, { cells: ['Extra', 'DH1'] }];
    expect(sampleValues(rows, 0)).toEqual(['Tyne', 'Acme', 'Smith']);
    expect(sampleValues(rows, 1)).toEqual(['NE1 4XF', 'DH1']);
    expect(sampleValues(rows, 5)).toEqual([]);
  });

  it('uses an empty select value for an ignored column', () => {
    expect(toSelectValue(null)).toBe('');
    expect(fromSelectValue('')).toBeNull();
    expect(fromSelectValue('name')).toBe('name');
  });
});
