import { hebciSector } from './hebci-sector';
import { ownSize, SizeFacts, smeDecision, smeThresholdsPence } from './sme-test';

const RATE = 0.82918; // ECB EUR/GBP, 31 Dec 2024
const facts = (over: Partial<SizeFacts> = {}): SizeFacts => ({ name: 'Org', headcount: null, turnoverPence: null, balanceSheetPence: null, sizeBand: null, ...over });
const million = (pounds: number) => pounds * 1_000_000 * 100;

describe('smeDecision', () => {
  it('should convert the euro thresholds at the rate: €50m = £41,459,000 and €43m = £35,654,740', () => {
    expect(smeThresholdsPence(RATE)).toEqual({ turnover: 4_145_900_000, balanceSheet: 3_565_474_000 });
  });

  it('should count fewer than 250 staff with turnover at the threshold as an SME, on the figures', () => {
    expect(ownSize(facts({ headcount: 249, turnoverPence: 4_145_900_000 }), RATE)).toMatchObject({ size: 'sme', basis: 'figures' });
  });

  it('should count 250 staff as not an SME whatever the money', () => {
    expect(ownSize(facts({ headcount: 250, turnoverPence: 100, sizeBand: 'small' }), RATE)).toMatchObject({ size: 'large', basis: 'figures' });
  });

  it('should let a small balance sheet save a company whose turnover is over the threshold', () => {
    expect(ownSize(facts({ headcount: 100, turnoverPence: million(60), balanceSheetPence: million(30) }), RATE)).toMatchObject({ size: 'sme', basis: 'figures' });
  });

  it('should count turnover and balance sheet both over the thresholds as large even without a headcount', () => {
    expect(ownSize(facts({ turnoverPence: million(60), balanceSheetPence: million(40) }), RATE)).toMatchObject({ size: 'large', basis: 'figures' });
  });

  it('should fall back to the size band when the figures cannot decide, and say so', () => {
    expect(ownSize(facts({ headcount: 40, sizeBand: 'small' }), RATE)).toMatchObject({ size: 'sme', basis: 'size_band' });
    expect(ownSize(facts({ headcount: 40, turnoverPence: million(60), sizeBand: 'large' }), RATE)).toMatchObject({ size: 'large', basis: 'size_band' });
  });

  it('should answer unknown with no figures and no band', () => {
    expect(ownSize(facts(), RATE)).toEqual({ size: 'unknown', basis: 'none', reason: 'no headcount with turnover or balance sheet, and no size band' });
  });

  it('should make a 60 % owned subsidiary of a large group not an SME', () => {
    const sub = facts({ name: 'Sub Ltd', headcount: 40, turnoverPence: million(5), parentOwnershipPercent: 60 });
    const group = facts({ name: 'Group plc', headcount: 5_000 });
    expect(smeDecision(sub, [group], RATE)).toEqual({ size: 'large', basis: 'group', reason: '60 % owned by Group plc, which is not an SME: 5000 staff (250 or more)' });
  });

  it('should leave a company 24 % held by a large group an SME', () => {
    const sub = facts({ headcount: 40, turnoverPence: million(5), parentOwnershipPercent: 24 });
    expect(smeDecision(sub, [facts({ headcount: 5_000 })], RATE)).toMatchObject({ size: 'sme', basis: 'figures' });
  });

  it('should walk the group: a small parent owned by a large grandparent makes its subsidiary not an SME', () => {
    const sub = facts({ headcount: 10, turnoverPence: million(1), parentOwnershipPercent: 100 });
    const mid = facts({ name: 'Mid Ltd', headcount: 20, turnoverPence: million(2), parentOwnershipPercent: 51 });
    const top = facts({ name: 'Top plc', sizeBand: 'large' });
    expect(smeDecision(sub, [mid, top], RATE)).toMatchObject({ size: 'large', basis: 'group' });
    expect(smeDecision(sub, [mid, top], RATE).reason).toContain('Top plc');
  });

  it('should answer unknown when a controlling parent has no size recorded', () => {
    const sub = facts({ headcount: 10, turnoverPence: million(1), parentOwnershipPercent: 30 });
    expect(smeDecision(sub, [facts({ name: 'Mystery Holdings' })], RATE)).toMatchObject({ size: 'unknown', basis: 'group' });
  });
});

describe('hebciSector', () => {
  it('should treat charities, CICs, CIOs and registered societies as non-commercial whatever the type', () => {
    for (const category of ['Charitable Incorporated Organisation', 'Community Interest Company', 'Registered Society', 'Scottish charitable incorporated organisation',
      'community-interest-company', 'registered-society-non-jurisdictional']) {
      expect(hebciSector(category, true).sector).toBe('non_commercial');
    }
  });

  it('should treat a plc as commercial, and fall back to the organisation type otherwise', () => {
    expect(hebciSector('Public Limited Company', false)).toEqual({ sector: 'commercial', basis: 'Companies House category Public Limited Company' });
    expect(hebciSector(null, false)).toEqual({ sector: 'non_commercial', basis: 'organisation type' });
    expect(hebciSector('Other', true).sector).toBe('commercial');
    expect(hebciSector('plc', false).sector).toBe('commercial');
    expect(hebciSector('private-limited-guarant-nsc', false).sector).toBe('non_commercial'); // not limited by shares: the type decides
  });
});
