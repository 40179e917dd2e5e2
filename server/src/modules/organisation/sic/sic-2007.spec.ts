import { SicSection } from '../organisation.enums';
import { parseSicCodes, SIC_CODES, sicActivity } from './sic-2007';

describe('SIC 2007', () => {
  it('holds the whole Companies House list: 731 codes, every one in a section but dormant', () => {
    expect(SIC_CODES.size).toBe(731);
    const withoutSection = [...SIC_CODES.values()].filter((a) => a.section === null).map((a) => a.code);
    expect(withoutSection).toEqual(['99999']);
  });

  it.each([
    ['71122', SicSection.M], ['35110', SicSection.D], ['01110', SicSection.A], ['62012', SicSection.J],
    ['85421', SicSection.P], ['84110', SicSection.O], ['99000', SicSection.U], ['98000', SicSection.T], ['64191', SicSection.K],
  ])('%s is in section %s', (code, section) => {
    expect(sicActivity(code)?.section).toBe(section);
  });

  it('reads a SicText, a list, a code that lost its leading zero, and the register\'s empty value', () => {
    expect(parseSicCodes('71122 - Engineering related scientific and technical consulting activities')).toEqual({ ok: true, codes: ['71122'] });
    expect(parseSicCodes('35110 - Production of electricity')).toEqual({ ok: true, codes: ['35110'] });
    expect(parseSicCodes('62012, 62020; 62012')).toEqual({ ok: true, codes: ['62012', '62020'] });
    expect(parseSicCodes('1110')).toEqual({ ok: true, codes: ['01110'] });
    expect(parseSicCodes('None Supplied')).toEqual({ ok: true, codes: [] });
    expect(parseSicCodes('47110 - Retail sale in non-specialised stores with food, beverages or tobacco predominating')).toEqual({ ok: true, codes: ['47110'] });
  });

  it('refuses a code that is not on the list, and words that are not a code', () => {
    expect(parseSicCodes('12345')).toEqual({ ok: false, reason: '12345 is not in the SIC 2007 list Companies House uses' });
    expect(parseSicCodes('Engineering')).toMatchObject({ ok: false });
  });
});
