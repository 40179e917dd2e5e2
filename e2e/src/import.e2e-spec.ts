import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

/**
 * Importing a spreadsheet of organisations: upload, the suggested mapping, the preview with a
 * match to a demo organisation, a problem row and a changed decision, the commit with its progress
 * bar (surviving a reload), the new organisation found by search, then undo.
 */
describe('import: organisations spreadsheet', () => {
  let browser: Browser;
  let page: Page;
  const stamp = Date.now();
  const fileName = `e2e-employers-${stamp}.csv`;
  const newName = `E2E Imported Widgets ${stamp} Ltd`;
  let file: string;

  beforeAll(async () => {
    // Enough rows that the commit runs for a moment (500 a chunk), so its progress bar shows.
    // Distinct names, as a real list has ("Tarven Belox Foods"), so they are not all near-duplicates of each other.
    const syllables = ['tar', 'ven', 'ox', 'bel', 'mor', 'kin', 'dal', 'sor', 'vy', 'lum', 'gre', 'hal', 'pen', 'ros', 'tyn', 'wex', 'ard', 'cal', 'fen', 'bri'];
    const word = (n: number) => syllables[n % 20][0].toUpperCase() + syllables[n % 20].slice(1) + syllables[Math.floor(n / 20) % 20];
    const trades = ['Foods', 'Logistics', 'Digital', 'Care', 'Marine', 'Print', 'Optics', 'Timber'];
    const generated = Array.from({ length: 3000 }, (_, i) => `${word(i)} ${word(Math.floor(i / 400) * 41 + i * 3 + 7)} ${trades[(Math.floor(i / 400) + i) % 8]},,,DH1 3LE,Durham`);
    const lines = [
      'Company,Companies House No,Website,Postcode,Town',
      'Tyne Valley Engineering Limited,,,NE46 1BT,Hexham', // row 2: a demo organisation, by name
      `${newName},,https://e2e-widgets-${stamp}.co.uk,NE1 4XF,Newcastle upon Tyne`, // row 3: new
      'Bad Postcode Bakery,,,XX,Gateshead', // row 4: importable, a problem with its postcode
      ',,,NE1 1AA,Newcastle', // row 5: no name: can only be skipped
      ...generated,
    ];
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bce-import-')), fileName);
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const stepIs = (name: string) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  const row = (n: number) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) });
  const searchOrganisations = async (text: string) => {
    await page.goto(`${baseUrl()}/organisations`);
    await headingIs(page, 'Organisations');
    await page.getByLabel('Search organisations', { exact: true }).fill(text);
  };

  it('uploads, maps, previews, commits with a progress bar, finds the new organisation, and undoes it', async () => {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await headingIs(page, 'Import');
    await page.getByRole('radio', { name: 'Organisations' }).check();
    // Another type of file is refused at once, by name.
    const input = page.getByLabel('Spreadsheet (CSV or XLSX, up to 50 MB)');
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await page.getByRole('alert').getByText(/^logo\.png is not a CSV or XLSX file/).waitFor();
    await input.setInputFiles(file);
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await snapshot(page, 'import-01-new');
    await page.getByRole('button', { name: 'Upload and read the rows' }).click();

    // The mapping suggested from the headers.
    await headingIs(page, fileName);
    await stepIs('Match the columns to fields');
    const field = (header: string) => page.getByLabel(`Field for column ${header}`);
    await page.getByText('Tyne Valley Engineering Limited, ').first().waitFor(); // the sample values
    expect(await field('Company').inputValue()).toBe('name');
    expect(await field('Companies House No').inputValue()).toBe('companiesHouseNumber');
    expect(await field('Postcode').inputValue()).toBe('postcode');
    await snapshot(page, 'import-02-mapping');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    // The preview: a match by name, a problem, and a decision changed to Skip.
    await stepIs('Check what will happen');
    await row(2).getByText('Tyne Valley Engineering Ltd (NE46 1BT) — same name').waitFor();
    await row(5).getByText('Name: name must not be empty').waitFor();
    await snapshot(page, 'import-03-preview');
    await row(4).getByText(/^Postcode: .*XX/).waitFor();
    expect(await row(5).getByLabel('Decision for row 5').locator('option[value="CREATE"]').isDisabled()).toBe(true);
    await row(4).getByLabel('Decision for row 4').selectOption('SKIP');
    await row(4).getByText('changed by you').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'will be skipped' }).getByText('2', { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Problems (2)' }).click();
    await row(2).waitFor({ state: 'detached' });
    expect(await row(5).count()).toBe(1);
    expect(await row(3).count()).toBe(0);
    await snapshot(page, 'import-04-problems');

    // Commit: the progress bar shows, and after a reload the page comes back on the same step.
    await page.getByRole('button', { name: 'Import 3,002 rows' }).click();
    const bar = page.getByRole('progressbar', { name: 'Importing the rows' });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await snapshot(page, 'import-05-committing');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^(Importing|Imported)$/ }).waitFor();
    await stepIs('Imported');
    await page.reload();
    await stepIs('Imported');
    await page.getByRole('list', { name: 'What the import did' }).getByText('3,001', { exact: true }).waitFor();
    await snapshot(page, 'import-06-committed');
    const batchUrl = page.url();

    // The new organisation is there.
    await searchOrganisations(newName);
    await page.getByRole('link', { name: newName, exact: true }).waitFor();
    await snapshot(page, 'import-07-found');

    // The import is listed, then undone.
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: fileName }).waitFor();
    await snapshot(page, 'import-08-list');
    await page.goto(batchUrl);
    await stepIs('Imported');
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('dialog').getByText(/archives the 3,001 records it created/).waitFor();
    await page.getByRole('button', { name: 'Undo the import' }).click();
    await stepIs('Import undone');
    await snapshot(page, 'import-09-undone');

    await searchOrganisations(newName);
    await page.getByRole('heading', { name: 'No organisations match' }).waitFor();
  }, 240_000);
});
