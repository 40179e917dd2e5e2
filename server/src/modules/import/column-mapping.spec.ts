import { suggestMapping } from './column-mapping';

describe('suggesting a column mapping from the headers', () => {
  it('understands the ways departments name an organisation', () => {
    for (const header of ['Company', 'Employer', 'Org name', 'Organisation Name', 'ORGANIZATION']) {
      expect(suggestMapping('organisations', [header])).toEqual(['name']);
    }
  });

  it('maps a typical employer spreadsheet and leaves unknown columns unmapped', () => {
    expect(suggestMapping('organisations', ['Employer', 'Company No.', 'Web site', 'Post Code', 'Notes from Dave'])).toEqual([
      'name', 'companiesHouseNumber', 'website', 'postcode', null,
    ]);
  });

  it('suggests each field once', () => {
    expect(suggestMapping('organisations', ['Company', 'Employer'])).toEqual(['name', null]);
  });

  it('maps contacts and opportunities by their own words', () => {
    expect(suggestMapping('contacts', ['Forename', 'Surname', 'E-mail', 'Job Title', 'Company'])).toEqual(['firstName', 'lastName', 'email', 'jobTitle', 'organisation']);
    expect(suggestMapping('opportunities', ['Project', 'Value (£)', 'Close date', 'Client'])).toEqual(['title', 'value', 'expectedCloseDate', 'organisation']);
  });

  it('maps engagement notes to the details, and the rest of an activity log', () => {
    expect(suggestMapping('engagements', ['Date', 'Activity', 'Subject', 'Notes', 'Company', 'Contact email', 'Dept'])).toEqual([
      'occurredOn', 'type', 'summary', 'details', 'organisation', 'contactEmail', 'department',
    ]);
    expect(suggestMapping('contacts', ['Name', 'Email address', 'Employer', 'Lawful basis'])).toEqual(['fullName', 'email', 'organisation', 'lawfulBasis']);
    expect(suggestMapping('opportunities', ['Opportunity', 'Type', 'Stage', 'Probability (%)', 'Start date', 'End date'])).toEqual([
      'title', 'type', 'stage', 'probability', 'startDate', 'endDate',
    ]);
  });
});
