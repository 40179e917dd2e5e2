import { CompanyStatus, OrganisationType } from './organisation.enums';
import { distinctCompanies, organisationTypeOfCategory, parseCompanyStatus } from './company-register';

describe('company register', () => {
  it.each([
    ['Active', CompanyStatus.active], ['Active - Proposal to Strike off', CompanyStatus.active_proposal_to_strike_off],
    ['Dissolved', CompanyStatus.dissolved], ['Liquidation', CompanyStatus.liquidation], ['In Administration', CompanyStatus.administration],
    ['Administration Order', CompanyStatus.administration], ['RECEIVER ACTION', CompanyStatus.receivership],
    ['Live but Receiver Manager on at least one charge', CompanyStatus.receivership], ['Voluntary Arrangement', CompanyStatus.voluntary_arrangement],
    ['Insolvency Proceedings', CompanyStatus.insolvency_proceedings], ['Converted/Closed', CompanyStatus.converted_closed],
    ['voluntary-arrangement', CompanyStatus.voluntary_arrangement], ['converted-closed', CompanyStatus.converted_closed],
  ])('reads the status "%s"', (text, status) => {
    expect(parseCompanyStatus(text)).toEqual({ ok: true, value: status });
  });

  it('refuses a status the register does not use, and reads an empty one as unknown', () => {
    expect(parseCompanyStatus('Thriving')).toMatchObject({ ok: false });
    expect(parseCompanyStatus(' ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['Public Limited Company', OrganisationType.employer], ['Private Limited Company', OrganisationType.employer],
    ['Limited Liability Partnership', OrganisationType.employer], ['Private Unlimited Company', OrganisationType.employer],
    ['Charitable Incorporated Organisation', OrganisationType.community], ['Scottish Charitable Incorporated Organisation', OrganisationType.community],
    ['Community Interest Company', OrganisationType.community], ['Registered Society', OrganisationType.community],
    ['Further Education and Sixth Form College Corps', OrganisationType.school_college],
    ['PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)', null], ['Royal Charter Company', null],
  ])('the category "%s" is type %s', (category, type) => {
    expect(organisationTypeOfCategory(category)).toBe(type);
  });

  it('never takes two company numbers, or a dissolved and a live company, for one organisation', () => {
    expect(distinctCompanies({ companiesHouseNumber: '01234567', companyStatus: null }, { companiesHouseNumber: '07654321', companyStatus: null })).toMatch(/different Companies House numbers/);
    expect(distinctCompanies({ companiesHouseNumber: '01234567', companyStatus: 'dissolved' }, { companiesHouseNumber: '01234567', companyStatus: 'active' })).toBeNull();
    expect(distinctCompanies({ companiesHouseNumber: null, companyStatus: 'dissolved' }, { companiesHouseNumber: '01234567', companyStatus: 'active' })).toMatch(/dissolved and the other active/);
    expect(distinctCompanies({ companiesHouseNumber: null, companyStatus: null }, { companiesHouseNumber: '01234567', companyStatus: 'active' })).toBeNull();
    expect(distinctCompanies({ companiesHouseNumber: null, companyStatus: 'liquidation' }, { companiesHouseNumber: null, companyStatus: 'active' })).toBeNull();
  });
});
