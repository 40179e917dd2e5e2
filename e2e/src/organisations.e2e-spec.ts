import { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

describe('organisations journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password with a message on the sign-in page', async () => {
    await page.goto(`${baseUrl()}/organisations`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(process.env.E2E_ADMIN_EMAIL!);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/incorrect/i).waitFor();
    expect(page.url()).toContain('/sign-in');
    await snapshot(page, '01-sign-in-error');
  });

  it('signs in, creates an organisation, finds it by search, edits it and sees the change', async () => {
    await signIn(page);
    await page.goto(`${baseUrl()}/organisations`);
    await page.getByRole('button', { name: 'New organisation' }).waitFor();
    await snapshot(page, '02-organisations-list');

    await page.getByRole('button', { name: 'New organisation' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Quayside Robotics Ltd');
    await page.getByLabel('Companies House number').fill('12345678');
    await page.getByLabel('Postcode').fill('ne1 3jf');
    await page.getByLabel('Website').fill('quayside-robotics.co.uk');
    await page.getByRole('button', { name: 'Save' }).click();

    await headingIs(page, 'Quayside Robotics Ltd');
    await page.getByText('NE1 3JF').first().waitFor();
    await snapshot(page, '03-organisation-page');

    // Find it by typing part of its name in the list's search box.
    await page.goto(`${baseUrl()}/organisations`);
    await page.getByLabel('Search organisations', { exact: true }).fill('quayside rob');
    const link = page.getByRole('link', { name: 'Quayside Robotics Ltd', exact: true });
    await link.waitFor();
    expect(await page.getByRole('link', { name: 'Quayside Digital Studio' }).count()).toBe(0);
    await snapshot(page, '04-search');
    await link.click();
    await headingIs(page, 'Quayside Robotics Ltd');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await page.waitForFunction(() => (document.querySelector('input[formcontrolname="name"]') as HTMLInputElement | null)?.value === 'Quayside Robotics Ltd');
    expect(await name.inputValue()).toBe('Quayside Robotics Ltd');
    await name.fill('Quayside Robotics Group');
    await page.getByLabel('Town').fill('Newcastle upon Tyne');
    await page.getByRole('button', { name: 'Save' }).click();

    await headingIs(page, 'Quayside Robotics Group');
    await page.getByText('Newcastle upon Tyne').first().waitFor();
    await snapshot(page, '05-edited');

    // The change is stored, not just shown: a fresh load shows it too.
    await page.reload();
    await headingIs(page, 'Quayside Robotics Group');
  });

  it('shows field-level messages for bad input, including one only the server knows, and does not save', async () => {
    await page.goto(`${baseUrl()}/organisations/new`);
    await page.getByLabel('Name', { exact: true }).fill('Bad Postcode Ltd');
    await page.getByLabel('Postcode').fill('NOT A POSTCODE');
    await page.getByLabel('Companies House number').fill('SC1234567');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Enter a UK postcode/i).first().waitFor();
    await page.getByText(/8 digits/i).first().waitFor();
    expect(page.url()).toContain('/organisations/new');
    await snapshot(page, '06-validation');

    // A rule only the server knows: the Companies House number is already taken by the first organisation.
    await page.getByLabel('Postcode').fill('NE1 3JF');
    await page.getByLabel('Companies House number').fill('12345678');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/already recorded for another organisation/i).first().waitFor();
    expect(page.url()).toContain('/organisations/new');
  });

  it('adds an alias on the form and finds the organisation by it in the global search', async () => {
    await page.goto(`${baseUrl()}/organisations`);
    await page.getByLabel('Search organisations', { exact: true }).fill('quayside rob');
    await page.getByRole('link', { name: 'Quayside Robotics Group', exact: true }).click();
    await headingIs(page, 'Quayside Robotics Group');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('input[formcontrolname="name"]') as HTMLInputElement | null)?.value === 'Quayside Robotics Group');

    const alias = page.getByLabel('Add an alias');
    await alias.fill('QRG');
    await alias.press('Enter');
    await page.getByRole('button', { name: 'Remove alias QRG' }).waitFor();
    // A repeat (ignoring case) is refused with a reason, not added twice.
    await alias.fill('qrg');
    await alias.press('Enter');
    await page.getByText('“qrg” is already listed').waitFor();
    await alias.fill('');
    await snapshot(page, '07-alias-chips');
    await page.getByRole('button', { name: 'Save' }).click();

    await headingIs(page, 'Quayside Robotics Group');
    await page.getByText('Also known as QRG').waitFor();

    const search = page.getByLabel('Search organisations and contacts');
    await search.fill('QRG');
    await page.getByRole('status').filter({ hasText: 'for “QRG”' }).waitFor();
    const hit = page.getByRole('option', { name: /QRG.*also known as.*Quayside Robotics Group/ });
    await hit.waitFor();
    await snapshot(page, '08-alias-search');
    await hit.click();
    await headingIs(page, 'Quayside Robotics Group');
  });
});
