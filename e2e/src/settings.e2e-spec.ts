import { Browser, Page } from 'playwright-core';
import { baseUrl, headingIs, launchBrowser, signIn, snapshot } from '../support/browser';

describe('pipeline stages (admin settings)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const stage = (name: string) => page.getByRole('form', { name: `Stage ${name}` });
  const stageNames = () => page.getByRole('list', { name: 'Pipeline stages' }).getByRole('form').evaluateAll((forms) => forms.map((f) => f.getAttribute('aria-label')));
  /** Waits until the stages are listed in this order (by their forms' names). */
  const orderIs = (names: Array<string | null>) =>
    page.waitForFunction((expected) => [...document.querySelectorAll('ol[aria-label="Pipeline stages"] form')].map((f) => f.getAttribute('aria-label')).join() === expected, names.join());

  it('renames a stage and the pipeline board shows the new name; then puts it back', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await headingIs(page, 'Pipeline stages');
    await stage('Proposal').waitFor();
    await snapshot(page, 'settings-stages');

    const name = stage('Proposal').getByLabel('Name');
    await name.fill('Proposal sent');
    await stage('Proposal').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved “Proposal sent”').waitFor();

    await page.goto(`${baseUrl()}/pipeline`);
    await headingIs(page, 'Pipeline');
    await page.getByRole('list', { name: 'Proposal sent opportunities' }).waitFor();

    await page.goto(`${baseUrl()}/settings/stages`);
    await stage('Proposal sent').getByLabel('Name').fill('Proposal');
    await stage('Proposal sent').getByRole('button', { name: 'Save' }).click();
    await stage('Proposal').waitFor();
  });

  it('reorders with the keyboard, keeping focus on the arrow, and refuses a bad probability naming the field', async () => {
    const before = await stageNames();
    await page.getByRole('button', { name: 'Move Qualified later' }).focus();
    await page.keyboard.press('Enter');
    await orderIs([before[0], before[2], before[1], ...before.slice(3)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Qualified later');
    // And back, by the other arrow.
    await page.getByRole('button', { name: 'Move Qualified earlier' }).click();
    await orderIs(before);

    const probability = stage('Enquiry').getByLabel('Default probability');
    await probability.fill('150');
    await stage('Enquiry').getByRole('button', { name: 'Save' }).click();
    await stage('Enquiry').getByText('Between 0 and 100').waitFor();
  });
});
