import { describe, expect, it } from 'vitest';
import { decisionChoices, decisionInput, filledInWords, matchInWords, problemInWords, shownColumns } from './import-rows';

const FIELDS = [
  { name: 'name', label: 'Name', required: true },
  { name: 'postcode', label: 'Postcode', required: false },
];
const match = (over: Partial<{ recordId: string | null; label: string | null; reason: never; score: number; rowNumber: number | null }>) =>
  ({ recordId: 'r1', label: 'Tyne Engineering (NE1 4XF)', reason: 'COMPANIES_HOUSE_NUMBER', score: 1, rowNumber: null, ...over }) as never;

describe('matchInWords', () => {
  it('names the record and why it matched', () => {
    expect(matchInWords(match({}))).toBe('Tyne Engineering (NE1 4XF) — same Companies House number');
    expect(matchInWords(match({ reason: 'DOMAIN' as never, label: 'Northern Widgets' }))).toBe('Northern Widgets — same website domain');
  });

  it('gives the similarity of a similar name as a percentage', () => {
    expect(matchInWords(match({ reason: 'NAME' as never, label: 'Smith and Sons', score: 0.823 }))).toBe('Smith and Sons — similar name, 82 %');
    expect(matchInWords(match({ reason: 'NAME' as never, label: 'Smith and Sons', score: 1 }))).toBe('Smith and Sons — same name');
  });

  it('says a proposed match is only possible, and is not merged unless chosen', () => {
    expect(matchInWords(match({ reason: 'NAME' as never, label: 'Kielder Forest Tours', score: 0.9, proposed: true } as never)))
      .toBe('Possible match, not merged unless you choose Merge: Kielder Forest Tours — similar name, 90 %');
  });

  it('lists what a merged row filled', () => {
    expect(filledInWords([{ label: 'Sector', value: 'M' }, { label: 'SIC codes', value: '71122, 62012' }])).toBe('Sector: M · SIC codes: 71122, 62012');
  });

  it('points at the earlier row of the file', () => {
    expect(matchInWords(match({ reason: 'EARLIER_ROW' as never, recordId: null, label: null, rowNumber: 7 }))).toBe('same as row 7 of this file');
    expect(matchInWords(null)).toBe('');
  });
});

describe('decisions', () => {
  it('disables Create and Merge where a required field has a problem', () => {
    const row = { decision: 'SKIP' as const, match: null, problems: [{ field: 'name', message: 'name must not be empty' }] };
    expect(decisionChoices(row, FIELDS).map((c) => [c.value, c.disabled])).toEqual([['CREATE', true], ['MATCH', true], ['SKIP', false]]);
  });

  it('allows Create with a problem in an optional field, and Merge only with a record to merge into', () => {
    const row = { decision: 'CREATE' as const, match: null, problems: [{ field: 'postcode', message: 'XX is not a UK postcode' }] };
    expect(decisionChoices(row, FIELDS).map((c) => c.disabled)).toEqual([false, true, false]);
    expect(decisionChoices({ ...row, match: match({}) }, FIELDS).map((c) => c.disabled)).toEqual([false, false, false]);
  });

  it('sends the matched record with Merge, nothing when unchanged', () => {
    const row = { rowNumber: 4, decision: 'SKIP' as const, match: match({}) };
    expect(decisionInput(row, 'MATCH')).toEqual({ rowNumber: 4, decision: 'MATCH', matchId: 'r1' });
    expect(decisionInput(row, 'CREATE')).toEqual({ rowNumber: 4, decision: 'CREATE' });
    expect(decisionInput(row, 'SKIP')).toBeNull();
    // Back to the earlier row of the file it matched: the server keeps that match.
    const earlier = { rowNumber: 9, decision: 'CREATE' as const, match: match({ recordId: null, rowNumber: 7 }) };
    expect(decisionInput(earlier, 'MATCH')).toEqual({ rowNumber: 9, decision: 'MATCH' });
    expect(decisionChoices({ ...earlier, problems: [] }, FIELDS).map((c) => c.disabled)).toEqual([false, false, false]);
  });

  it('words a problem with the field label', () => {
    expect(problemInWords({ field: 'postcode', message: 'XX is not a UK postcode' }, FIELDS)).toBe('Postcode: XX is not a UK postcode');
    expect(problemInWords({ field: 'colour', message: 'odd' }, FIELDS)).toBe('colour: odd');
  });

  it('shows the first mapped columns in the rows table', () => {
    expect(shownColumns([null, 'name', null, 'postcode', 'website', 'sector'])).toEqual([1, 3, 4]);
    expect(shownColumns([null, null])).toEqual([0, 1]);
  });

  it('leaves out columns that are blank on the whole page', () => {
    const rows = [{ cells: ['Tyne', '', 'NE1 4XF', 'x'] }, { cells: ['Acme', null, '', 'y'] }];
    expect(shownColumns(['name', 'companiesHouseNumber', 'postcode', 'town'], rows, 2)).toEqual([0, 2]);
    expect(shownColumns(['name', 'companiesHouseNumber'], [{ cells: ['', ''] }], 2)).toEqual([0, 1]);
  });
});
