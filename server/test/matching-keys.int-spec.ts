import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/common/database/data-source-options';
import { domainOf, normaliseOrganisationName, postcodeArea } from '../src/modules/import/cells';
import { createDatabase } from './support/test-app';

/** Import matching runs in TypeScript and duplicate detection in SQL: both must compare the same keys. */
describe('matching keys: the SQL functions agree with cells.ts', () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createDatabase();
    drop = database.drop;
    db = await new DataSource(dataSourceOptions(database.url)).initialize();
    await db.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const sql = async (fn: string, inputs: string[]) =>
    (await db.query(`SELECT ${fn}(x) AS k FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n`, [inputs])).map((r: { k: string | null }) => r.k);

  it('bce_name_key = normaliseOrganisationName', async () => {
    const names = ['Smith & Sons Ltd.', 'SMITH AND SONS LIMITED', 'The Co-operative Group', 'Rolls-Royce plc', '  Nissan\tUK  ', 'Café Nero (UK) Ltd', 'A.B.C. Widgets LLP', 'Ltd', 'andover company'];
    const got = await sql('bce_name_key', names);
    expect(got).toEqual(names.map(normaliseOrganisationName));
    expect(got[0]).toBe(got[1]);
  });

  it('bce_domain = domainOf', async () => {
    const urls = ['https://www.Siemens.co.uk/careers', 'jo@Siemens.co.uk', 'siemens.co.uk:8080', 'http://example.org?x=1', 'not a site', 'www.nhs.uk#top', 'ftp://files.acme.com/a'];
    expect(await sql('bce_domain', urls)).toEqual(urls.map(domainOf));
  });

  it('bce_postcode_area = postcodeArea', async () => {
    const postcodes = ['ne8 1ab', 'SW1A 1AA', ' b1 1aa', 'M1 1AE', 'EC1A1BB', '12345', ''];
    const got = await sql('bce_postcode_area', postcodes);
    expect(got).toEqual(postcodes.map(postcodeArea));
    expect(got.slice(0, 4)).toEqual(['NE', 'SW', 'B', 'M']);
  });
});
