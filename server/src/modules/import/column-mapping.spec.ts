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

  it('maps a Companies House BasicCompanyData export as it comes, leading spaces and dots included', () => {
    const headers = ['CompanyName', ' CompanyNumber', 'RegAddress.CareOf', 'RegAddress.POBox', 'RegAddress.AddressLine1', ' RegAddress.AddressLine2',
      'RegAddress.PostTown', 'RegAddress.County', 'RegAddress.Country', 'RegAddress.PostCode', 'CompanyCategory', 'CompanyStatus', 'CountryOfOrigin',
      'DissolutionDate', 'IncorporationDate', 'Accounts.AccountRefDay', 'Accounts.AccountCategory', 'SICCode.SicText_1', 'SICCode.SicText_2',
      'SICCode.SicText_3', 'SICCode.SicText_4', 'URI', 'PreviousName_1.CONDATE', ' PreviousName_1.CompanyName'];
    const mapping = suggestMapping('organisations', headers);
    expect(Object.fromEntries(headers.map((h, i) => [h.trim(), mapping[i]]).filter(([, f]) => f))).toEqual({
      CompanyName: 'name', CompanyNumber: 'companiesHouseNumber', 'RegAddress.AddressLine1': 'addressLine1', 'RegAddress.AddressLine2': 'addressLine2',
      'RegAddress.PostTown': 'town', 'RegAddress.PostCode': 'postcode', CompanyCategory: 'companyCategory', CompanyStatus: 'companyStatus',
      IncorporationDate: 'incorporationDate', 'SICCode.SicText_1': 'sicCode1', 'SICCode.SicText_2': 'sicCode2', 'SICCode.SicText_3': 'sicCode3',
      'SICCode.SicText_4': 'sicCode4',
    });
  });

  it('takes the company number from the registry URI when the file has no number column', () => {
    expect(suggestMapping('organisations', ['CompanyName', 'URI'])).toEqual(['name', 'companiesHouseNumber']);
  });
});
