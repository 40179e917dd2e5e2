import { Browser, BrowserContext, expect as pwExpect, Page } from 'playwright-core';
import { baseUrl, launchBrowser, signIn, snapshot } from '../support/browser';

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
    await page.getByRole('button', { name: 'New organisation' }).or(page.getByRole('link', { name: 'New organisation' })).first().waitFor();
    await snapshot(page, '02-organisations-list');

    await page.getByRole('button', { name: 'New organisation' }).or(page.getByRole('link', { name: 'New organisation' })).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Quayside Robotics Ltd');
    await page.getByLabel('Companies House number').fill('12345678');
    await page.getByLabel('Postcode').fill('ne1 3jf');
    await page.getByLabel('Website').fill('quayside-robotics.co.uk');
    await page.getByRole('button', { name: 'Save' }).click();

    const heading = page.getByRole('heading', { level: 1 });
    await pwExpect(heading).toHaveText('Quayside Robotics Ltd');
    await page.getByText('NE1 3JF').first().waitFor();
    await snapshot(page, '03-organisation-page');

    // Find it by typing part of its name in the list's search box.
    await page.goto(`${baseUrl()}/organisations`);
    await page.getByLabel('Search organisations').fill('quayside rob');
    const link = page.getByRole('link', { name: 'Quayside Robotics Ltd' });
    await link.waitFor();
    await pwExpect(page.getByRole('link', { name: 'Quayside Digital Studio' })).toHaveCount(0);
    await snapshot(page, '04-search');
    await link.click();
    await pwExpect(heading).toHaveText('Quayside Robotics Ltd');

    await page.getByRole('button', { name: 'Edit' }).or(page.getByRole('link', { name: 'Edit' })).first().click();
    const name = page.getByLabel('Name', { exact: true });
    await pwExpect(name).toHaveValue('Quayside Robotics Ltd');
    await name.fill('Quayside Robotics Group');
    await page.getByLabel('Town').fill('Newcastle upon Tyne');
    await page.getByRole('button', { name: 'Save' }).click();

    await pwExpect(heading).toHaveText('Quayside Robotics Group');
    await page.getByText('Newcastle upon Tyne').first().waitFor();
    await snapshot(page, '05-edited');

    // The change is stored, not just shown: a fresh load shows it too.
    await page.reload();
    await pwExpect(heading).toHaveText('Quayside Robotics Group');
  });

  it('shows field-level messages for bad input and does not save', async () => {
    await page.goto(`${baseUrl()}/organisations/new`);
    await page.getByLabel('Name', { exact: true }).fill('Bad Postcode Ltd');
    await page.getByLabel('Postcode').fill('NOT A POSTCODE');
    await page.getByLabel('Companies House number').fill('123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/valid UK postcode/i).first().waitFor();
    await page.getByText(/8 digits/i).first().waitFor();
    expect(page.url()).toContain('/organisations/new');
    await snapshot(page, '06-validation');
  });
});
