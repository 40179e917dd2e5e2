import { OrganisationType, SicSection, SizeBand } from '../organisation/organisation.enums';
import { parseOrganisationType, parseSector, parseSizeBand } from './choices';

const value = <T>(p: { ok: true; value: T | null } | { ok: false; reason: string }) => (p.ok ? p.value : `error: ${p.reason}`);

describe('choice fields as spreadsheets write them', () => {
  // A 4-digit code is a 5-digit one whose leading zero Excel dropped: 1110 is 01110, farming.
  it('sector: a section letter, a SIC code or its words', () => {
    expect(['c', 'Manufacturing', '28110', '1110', '62012', 'Health and social care', 'Construction', '']
      .map((t) => value(parseSector(t)))).toEqual([SicSection.C, SicSection.C, SicSection.C, SicSection.A, SicSection.J, SicSection.Q, SicSection.F, null]);
    expect(value(parseSector('Widgets'))).toMatch(/^error: "Widgets" is not a sector/);
    expect(value(parseSector('00000'))).toMatch(/not in the SIC 2007 list/);
    // A register's SicText: the code decides, not the words ("Engineering…" and "Production…" are not manufacturing here).
    expect(value(parseSector('71122 - Engineering related scientific and technical consulting activities'))).toBe(SicSection.M);
    expect(value(parseSector('35110 - Production of electricity'))).toBe(SicSection.D);
    expect(value(parseSector('99999 - Dormant Company'))).toBeNull();
  });

  it('size band: the band, a range or a headcount', () => {
    expect(['Small', 'micro (1-9)', '10-49', '250+', '1 to 9', '1,200', 120, 3].map((t) => value(parseSizeBand(t))))
      .toEqual([SizeBand.small, SizeBand.micro, SizeBand.small, SizeBand.large, SizeBand.micro, SizeBand.large, SizeBand.medium, SizeBand.micro]);
    expect(value(parseSizeBand('SME'))).toMatch(/could be micro, small or medium/);
    expect(value(parseSizeBand('lots'))).toMatch(/not a size band/);
  });

  it('type: employer when empty, otherwise the words people use', () => {
    expect([null, 'School', 'Local council', 'Charity', 'Public body', 'Funder', 'Ltd company'].map((t) => value(parseOrganisationType(t))))
      .toEqual([OrganisationType.employer, OrganisationType.school_college, OrganisationType.public_body, OrganisationType.community,
        OrganisationType.public_body, OrganisationType.funder, OrganisationType.employer]);
    expect(value(parseOrganisationType('Alien'))).toMatch(/not an organisation type/);
    // Companies House categories: a plc is a business, not a public body.
    expect(['Public Limited Company', 'Private Limited Company', 'Charitable Incorporated Organisation'].map((t) => value(parseOrganisationType(t))))
      .toEqual([OrganisationType.employer, OrganisationType.employer, OrganisationType.community]);
  });
});
